package org.open12345.hotline.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads departments.yaml and checks the tree: known parents, no cycles, areas under areas.
 * Departments whose parent link is broken come back detached (parent null) so the rest of the
 * load can go on and report every other error too.
 */
final class DepartmentsFile {
  static final String NAME = "departments.yaml";
  private static final Pattern MAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** Valid departments, and where each declared id is (a broken one is reported once, not at each use). */
  record Parsed(List<Department> departments, Map<String, Integer> lines) {}

  private DepartmentsFile() {}

  static Parsed read(YamlMap root, Problems problems) {
    root.allowOnly(NAME, "departments");
    Map<String, Department> byId = new LinkedHashMap<>();
    Map<String, Integer> lines = new HashMap<>();
    Map<String, Integer> parentLines = new HashMap<>();
    Map<String, String> areaCodes = new HashMap<>();
    List<YamlMap> items = root.maps("departments", "a department");
    if (items.isEmpty()) {
      root.error(root.line(), "departments.yaml needs a non-empty 'departments' list");
    }
    for (YamlMap m : items) {
      m.allowOnly("a department", "id", "name", "kind", "parent", "area_code", "mail", "phones", "webhooks",
          "escalation", "sub_centre", "rating_callback");
      String id = m.string("id", true, "a department");
      String name = m.string("name", true, "department " + id);
      String kindText = m.string("kind", true, "department " + id);
      DepartmentKind kind = DepartmentKind.parse(kindText);
      if (kindText != null && kind == null) {
        m.error("kind", "bad kind '" + kindText + "' (use region, city, county, township, agency or enterprise)");
      }
      String parent = m.string("parent", false, "");
      String areaCode = m.string("area_code", false, "");
      if (areaCode != null && !Identifiers.isDigits(areaCode)) {
        m.error("area_code", "area_code '" + areaCode + "' must be digits (quote it: \"150102\")");
        areaCode = null;
      } else if (areaCode != null && areaCodes.containsKey(areaCode)) {
        m.error("area_code", "duplicate area_code '" + areaCode + "' (already used by " + areaCodes.get(areaCode) + ")");
        areaCode = null;
      }
      List<String> mail = new ArrayList<>();
      for (YamlMap.Scalar s : m.strings("mail")) {
        if (MAIL.matcher(s.text()).matches()) {
          mail.add(s.text());
        } else {
          m.error(s.line(), "bad mail address '" + s.text() + "'");
        }
      }
      List<String> phones = m.strings("phones").stream().map(YamlMap.Scalar::text).toList();
      List<String> hooks = new ArrayList<>();
      for (YamlMap.Scalar s : m.strings("webhooks")) {
        if (s.text().startsWith("https://") || s.text().startsWith("http://")) {
          hooks.add(s.text());
        } else {
          m.error(s.line(), "webhook '" + s.text() + "' must be an http(s) URL");
        }
      }
      Map<Integer, List<EscalationContact>> escalation = escalation(m, problems);
      boolean subCentre = m.bool("sub_centre", false);
      String callbackText = m.string("rating_callback", false, "");
      Boolean callsBack = null;
      if (callbackText != null) {
        switch (callbackText) {
          case "department" -> callsBack = true;
          case "centre" -> callsBack = false;
          default -> m.error("rating_callback", "bad rating_callback '" + callbackText
              + "' (use centre or department: who makes the callbacks of this department's 差评)");
        }
      }
      if (id == null) {
        continue;
      }
      if (!Identifiers.isId(id)) {
        m.error("id", "department id '" + id + "' must be " + Identifiers.ID_RULE);
        continue;
      }
      if (lines.containsKey(id)) {
        m.error("id", "duplicate department id '" + id + "' (first at line " + lines.get(id) + ")");
        continue;
      }
      lines.put(id, m.lineOf("id"));
      if (name == null || kind == null) {
        continue;
      }
      if (areaCode != null) {
        areaCodes.put(areaCode, id);
      }
      parentLines.put(id, m.lineOf("parent"));
      byId.put(id, new Department(id, name, kind, parent, areaCode, mail, phones, hooks, escalation, subCentre,
          callsBack));
    }
    detachBroken(byId, lines, parentLines, problems);
    return new Parsed(new ArrayList<>(byId.values()), lines);
  }

  private static void detachBroken(
      Map<String, Department> byId, Map<String, Integer> lines, Map<String, Integer> parentLines, Problems problems) {
    Set<String> broken = new HashSet<>();
    for (Department d : byId.values()) {
      if (d.parentId() == null) {
        continue;
      }
      Department p = byId.get(d.parentId());
      if (p == null) {
        if (!lines.containsKey(d.parentId())) {
          problems.add(NAME, parentLines.get(d.id()), "unknown parent department '" + d.parentId() + "'");
        }
        broken.add(d.id());
      } else if (d.kind().isArea() && !p.kind().isArea()) {
        problems.add(NAME, parentLines.get(d.id()),
            "area '" + d.id() + "' cannot sit under '" + p.id() + "', which is not an area (" + p.kind().name().toLowerCase() + ")");
      }
    }
    Set<String> inReportedCycle = new HashSet<>();
    for (Department d : byId.values()) {
      List<String> path = new ArrayList<>();
      String cur = d.id();
      for (int steps = 0; cur != null && !broken.contains(cur) && steps <= byId.size(); steps++) {
        path.add(cur);
        Department c = byId.get(cur);
        cur = c == null ? null : c.parentId();
        if (d.id().equals(cur)) {
          if (!inReportedCycle.contains(d.id())) {
            inReportedCycle.addAll(path);
            path.add(d.id());
            problems.add(NAME, parentLines.get(d.id()), "cycle in the department tree: " + String.join(" → ", path));
          }
          broken.add(d.id());
          break;
        }
      }
    }
    for (String id : broken) {
      Department d = byId.get(id);
      byId.put(id, new Department(d.id(), d.name(), d.kind(), null, d.areaCode(), d.mail(), d.phones(), d.webhooks(),
          d.escalation(), d.subCentre(), d.callsBackOwnBadRatings()));
    }
  }

  private static Map<Integer, List<EscalationContact>> escalation(YamlMap m, Problems problems) {
    Map<Integer, List<EscalationContact>> out = new TreeMap<>();
    YamlMap e = m.map("escalation", "'escalation' (levels 1, 2, 3)");
    if (e == null) {
      return out;
    }
    e.allowOnly("'escalation'", "1", "2", "3");
    for (String key : e.keys()) {
      if (!List.of("1", "2", "3").contains(key)) {
        continue;
      }
      List<YamlMap> contacts = e.node(key) instanceof SequenceNode
          ? e.maps(key, "an escalation contact")
          : listOf(e.map(key, "an escalation contact"));
      List<EscalationContact> list = new ArrayList<>();
      for (YamlMap c : contacts) {
        c.allowOnly("an escalation contact", "name", "title", "phone", "mail");
        String name = c.string("name", true, "an escalation contact");
        String phone = c.string("phone", false, "");
        String mail = c.string("mail", false, "");
        if (phone == null && mail == null) {
          c.error(c.line(), "an escalation contact needs a phone or a mail address");
        }
        if (mail != null && !MAIL.matcher(mail).matches()) {
          c.error("mail", "bad mail address '" + mail + "'");
        }
        if (name != null) {
          list.add(new EscalationContact(name, c.string("title", false, ""), phone, mail));
        }
      }
      out.put(Integer.parseInt(key), list);
    }
    return out;
  }

  private static List<YamlMap> listOf(YamlMap m) {
    return m == null ? List.of() : List.of(m);
  }
}
