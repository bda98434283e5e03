package org.open12345.hotline.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.deadline.DeadlineTerm;
import org.open12345.hotline.deadline.PolicyCatalog;
import org.open12345.hotline.deadline.TimeSpan;
import org.open12345.hotline.deadline.WarningPoint;
import org.open12345.hotline.returns.ReturnReason;
import org.open12345.hotline.returns.ReturnReasons;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Reads policies.yaml: named deadline policies, and the return (退单) reasons and ruling deadline. */
final class PoliciesFile {
  static final String NAME = "policies.yaml";

  private PoliciesFile() {}

  /**
   * Valid policies, every id declared (a broken policy is reported once, not at each use), and
   * the return rules.
   */
  record Parsed(Map<String, PolicySpec> policies, java.util.Set<String> declared, ReturnRules returns) {}

  static Parsed read(YamlMap root, Problems problems) {
    root.allowOnly(NAME, "policies", "returns");
    Map<String, PolicySpec> out = new LinkedHashMap<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    List<YamlMap> items = root.maps("policies", "a policy");
    if (items.isEmpty()) {
      root.error(root.line(), "policies.yaml needs a non-empty 'policies' list");
    }
    for (YamlMap m : items) {
      m.allowOnly("a policy", "id", "name", "sign", "respond", "resolve");
      String id = m.string("id", true, "a policy");
      String name = m.string("name", true, "policy " + id);
      DeadlineTerm sign = deadline(m, "sign", problems);
      DeadlineTerm respond = deadline(m, "respond", problems);
      DeadlineTerm resolve = deadline(m, "resolve", problems);
      if (id == null) {
        continue;
      }
      if (!Identifiers.isId(id)) {
        m.error("id", "policy id '" + id + "' must be " + Identifiers.ID_RULE);
        continue;
      }
      if (lines.containsKey(id)) {
        m.error("id", "duplicate policy id '" + id + "' (first at line " + lines.get(id) + ")");
        continue;
      }
      lines.put(id, m.lineOf("id"));
      if (name != null && sign != null && respond != null && resolve != null) {
        out.put(id, new PolicySpec(id, name, sign, respond, resolve));
      }
    }
    return new Parsed(out, lines.keySet(), returns(root, problems));
  }

  /** The optional {@code returns} section: {@code ruling} (a deadline) and {@code reasons} (id, name). */
  private static ReturnRules returns(YamlMap root, Problems problems) {
    if (!root.has("returns")) {
      return ReturnRules.DEFAULT;
    }
    YamlMap r = root.map("returns", "'returns'");
    if (r == null) {
      return ReturnRules.DEFAULT;
    }
    r.allowOnly("'returns'", "ruling", "reasons");
    DeadlineTerm ruling = r.has("ruling") ? deadline(r, "ruling", problems) : PolicyCatalog.DEFAULT_RULING;
    List<YamlMap> items = r.maps("reasons", "a return reason");
    if (items.isEmpty()) {
      r.error(r.line(), "'returns' needs a non-empty 'reasons' list of {id, name}");
      return ReturnRules.DEFAULT;
    }
    List<ReturnReason> reasons = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (YamlMap m : items) {
      m.allowOnly("a return reason", "id", "name");
      String id = m.string("id", true, "a return reason");
      String name = m.string("name", true, "return reason " + id);
      if (id == null || name == null) {
        continue;
      }
      if (!Identifiers.isId(id)) {
        m.error("id", "return reason id '" + id + "' must be " + Identifiers.ID_RULE);
        continue;
      }
      Integer first = seen.putIfAbsent(id, m.lineOf("id"));
      Integer firstName = seen.putIfAbsent("name:" + name, m.lineOf("name"));
      if (first != null || firstName != null) {
        m.error(first != null ? "id" : "name", "return reason '" + (first != null ? id : name)
            + "' is listed twice (first at line " + (first != null ? first : firstName) + ")");
        continue;
      }
      reasons.add(new ReturnReason(id, name));
    }
    return reasons.isEmpty() || ruling == null ? ReturnRules.DEFAULT
        : new ReturnRules(new ReturnReasons(reasons), ruling);
  }

  private static DeadlineTerm deadline(YamlMap m, String key, Problems problems) {
    if (!m.has(key)) {
      m.error(m.line(), "a policy needs '" + key + "' (e.g. " + key + ": 24h)");
      return null;
    }
    if (m.node(key) instanceof ScalarNode) {
      TimeSpan t = span(m, key, m.string(key, true, key));
      return t == null ? null : new DeadlineTerm(t, List.of());
    }
    YamlMap d = m.map(key, "'" + key + "'");
    if (d == null) {
      return null;
    }
    d.allowOnly("'" + key + "'", "within", "warn_before", "warn_at");
    TimeSpan within = span(d, "within", d.string("within", true, "'" + key + "'"));
    List<WarningPoint> points = new ArrayList<>();
    for (YamlMap.Scalar s : d.strings("warn_before")) {
      try {
        points.add(WarningPoint.before(TimeSpan.parse(s.text())));
      } catch (IllegalArgumentException e) {
        d.error(s.line(), "warn_before: " + e.getMessage());
      }
    }
    for (YamlMap.Scalar s : d.strings("warn_at")) {
      Double f = fraction(s.text());
      if (f == null) {
        d.error(s.line(), "warn_at '" + s.text() + "' must be a fraction of the span between 0 and 1, e.g. 0.75 or 75%");
      } else {
        points.add(WarningPoint.at(f));
      }
    }
    return within == null ? null : new DeadlineTerm(within, points);
  }

  private static TimeSpan span(YamlMap m, String key, String text) {
    if (text == null) {
      return null;
    }
    try {
      return TimeSpan.parse(text);
    } catch (IllegalArgumentException e) {
      m.error(key, key + ": " + e.getMessage());
      return null;
    }
  }

  private static Double fraction(String text) {
    try {
      double v = text.endsWith("%")
          ? Double.parseDouble(text.substring(0, text.length() - 1).trim()) / 100
          : Double.parseDouble(text);
      return v > 0 && v < 1 ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
