package org.open12345.hotline.routing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.open12345.hotline.ticket.Channel;
import org.open12345.hotline.ticket.RequestType;
import org.open12345.hotline.ticket.Urgency;

/** Reads rules.yaml against the directory already read, then looks for rules that can never fire. */
final class RulesFile {
  static final String NAME = "rules.yaml";

  /** The confidence a category read from free text needs before it routes alone (issue 13). */
  static final double DEFAULT_TEXT_THRESHOLD = 0.8;

  /** @param textThreshold the confidence above which a category read from free text routes alone */
  record Parsed(List<Rule> rules, PolicySpec defaultPolicy, double textThreshold) {}

  private final Problems problems;
  private final CategoryTree categories;
  private final Map<String, PolicySpec> policies;
  private final DepartmentTree tree;
  private final Set<String> declaredPolicies;
  private final Set<String> declaredDepartments;
  private final Set<String> numbers;
  /** Set when a reference points at a declared but broken entry: the rule is dropped silently. */
  private boolean brokenReference;

  private RulesFile(Problems problems, CategoryTree categories, PoliciesFile.Parsed policies,
      DepartmentTree tree, Set<String> declaredDepartments, Set<String> numbers) {
    this.problems = problems;
    this.categories = categories;
    this.policies = policies.policies();
    this.declaredPolicies = policies.declared();
    this.tree = tree;
    this.declaredDepartments = declaredDepartments;
    this.numbers = numbers;
  }

  static Parsed read(YamlMap root, Problems problems, CategoryTree categories, PoliciesFile.Parsed policies,
      DepartmentTree tree, Set<String> declaredDepartments, Set<String> hotlineNumbers) {
    return new RulesFile(problems, categories, policies, tree, declaredDepartments, hotlineNumbers).read(root);
  }

  private Parsed read(YamlMap root) {
    root.allowOnly(NAME, "default_policy", "text_confidence", "rules");
    PolicySpec defaultPolicy = policy(root, "default_policy", true);
    double textThreshold = textThreshold(root);
    List<Rule> rules = new ArrayList<>();
    Map<String, Integer> ids = new HashMap<>();
    List<YamlMap> items = root.maps("rules", "a rule");
    if (items.isEmpty()) {
      root.error(root.line(), "rules.yaml needs a non-empty 'rules' list");
    }
    for (YamlMap m : items) {
      int before = problems.count();
      brokenReference = false;
      m.allowOnly("a rule", "id", "name", "when", "then");
      String id = m.string("id", true, "a rule");
      String name = m.string("name", true, "rule " + id);
      if (id != null && !Identifiers.isId(id)) {
        m.error("id", "rule id '" + id + "' must be " + Identifiers.ID_RULE);
      } else if (id != null && ids.containsKey(id)) {
        m.error("id", "duplicate rule id '" + id + "' (first at line " + ids.get(id) + ")");
      } else if (id != null) {
        ids.put(id, m.lineOf("id"));
      }
      RuleCondition when = m.has("when") ? condition(m.map("when", "'when'")) : always();
      YamlMap thenMap = m.map("then", "'then'");
      if (thenMap == null && !m.has("then")) {
        m.error(m.line(), "rule " + id + " needs 'then' with at least 'lead'");
      }
      RuleOutcome then = thenMap == null ? null : outcome(thenMap, defaultPolicy);
      if (problems.count() == before && !brokenReference && when != null && then != null) {
        rules.add(new Rule(id, name, m.line(), when, then));
      }
    }
    reportUnreachable(rules);
    return new Parsed(rules, defaultPolicy, textThreshold);
  }

  private static double textThreshold(YamlMap root) {
    String t = root.string("text_confidence", false, "");
    if (t == null) {
      return DEFAULT_TEXT_THRESHOLD;
    }
    try {
      double v = Double.parseDouble(t);
      if (v > 0 && v <= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    root.error("text_confidence", "text_confidence '" + t + "' must be a number above 0 and at most 1 (e.g. 0.8)");
    return DEFAULT_TEXT_THRESHOLD;
  }

  private RuleCondition always() {
    return new RuleCondition(Set.of(), List.of(), null, null, null, null, List.of(), List.of(), List.of(), List.of(),
        new int[0], null);
  }

  private RuleCondition condition(YamlMap w) {
    if (w == null) {
      return null;
    }
    w.allowOnly("'when'", "category", "category_prefix", "type", "urgency", "urgency_min", "keywords_any",
        "keywords_all", "keywords_none", "area", "channel", "called", "time");
    Set<String> codes = new LinkedHashSet<>();
    for (YamlMap.Scalar s : w.strings("category")) {
      if (!categories.contains(s.text())) {
        w.error(s.line(), "unknown category '" + s.text() + "' (not in categories.yaml)");
      } else {
        codes.add(s.text());
      }
    }
    List<String> prefixes = new ArrayList<>();
    for (YamlMap.Scalar s : w.strings("category_prefix")) {
      if (!Identifiers.isDigits(s.text()) || s.text().length() > 6) {
        w.error(s.line(), "category_prefix '" + s.text() + "' must be 1 to 6 digits");
      } else if (!categories.anyStartsWith(s.text())) {
        w.error(s.line(), "unknown category prefix '" + s.text() + "' (no code in categories.yaml starts with it)");
      } else {
        prefixes.add(s.text());
      }
    }
    EnumSet<RequestType> types = enums(w, "type", RequestType.class, RequestType::parse, RequestType::label);
    EnumSet<Urgency> urgencies = enums(w, "urgency", Urgency.class, Urgency::parse, Urgency::label);
    if (w.has("urgency_min")) {
      if (urgencies != null) {
        w.error("urgency_min", "use either 'urgency' (a list) or 'urgency_min', not both");
      }
      String text = w.string("urgency_min", true, "'when'");
      Urgency min = Urgency.parse(text);
      if (text != null && min == null) {
        w.error("urgency_min", "bad urgency '" + text + "' (use " + labels(Urgency.values(), Urgency::label) + ")");
      } else if (min != null) {
        urgencies = EnumSet.range(min, Urgency.CRITICAL);
      }
    }
    EnumSet<Channel> channels = enums(w, "channel", Channel.class, Channel::parse, Channel::label);
    Set<String> called = null;
    if (w.has("called")) {
      called = new LinkedHashSet<>();
      for (YamlMap.Scalar s : w.strings("called")) {
        if (!numbers.contains(s.text())) {
          w.error(s.line(), "unknown hotline number '" + s.text() + "' (not the centre's nor in hotlines.yaml)");
        }
        called.add(s.text());
      }
    }
    List<String> areaIds = new ArrayList<>();
    for (YamlMap.Scalar s : w.strings("area")) {
      Department d = tree.resolveArea(s.text()).orElse(null);
      if (d == null && declaredDepartments.contains(s.text())) {
        brokenReference = true;
      } else if (d == null) {
        w.error(s.line(), "unknown area '" + s.text() + "' (neither a department id nor an area_code in departments.yaml)");
      } else if (!d.kind().isArea()) {
        w.error(s.line(), "area '" + s.text() + "' is a " + d.kind().name().toLowerCase() + ", not an administrative area");
      } else {
        areaIds.add(d.id());
      }
    }
    TimeWindow time = null;
    String timeText = w.string("time", false, "");
    if (timeText != null) {
      time = TimeWindow.parse(timeText).orElse(null);
      if (time == null) {
        w.error("time", "bad time window '" + timeText + "' (use HH:MM-HH:MM, e.g. 22:00-06:00 across midnight)");
      }
    }
    return new RuleCondition(codes, prefixes, types, urgencies, channels, called,
        keywords(w, "keywords_any"), keywords(w, "keywords_all"), keywords(w, "keywords_none"),
        areaIds, areaIds.stream().mapToInt(tree::indexOf).toArray(), time);
  }

  private List<String> keywords(YamlMap w, String key) {
    List<String> out = new ArrayList<>();
    for (YamlMap.Scalar s : w.strings(key)) {
      if (s.text().isEmpty()) {
        w.error(s.line(), key + " must not contain an empty word");
      } else {
        out.add(s.text().toLowerCase(java.util.Locale.ROOT));
      }
    }
    return out;
  }

  private <E extends Enum<E>> EnumSet<E> enums(YamlMap w, String key, Class<E> type, Function<String, E> parse,
      Function<E, String> label) {
    if (!w.has(key)) {
      return null;
    }
    EnumSet<E> out = EnumSet.noneOf(type);
    for (YamlMap.Scalar s : w.strings(key)) {
      E e = parse.apply(s.text());
      if (e == null) {
        w.error(s.line(), "bad " + key + " '" + s.text() + "' (use " + labels(type.getEnumConstants(), label) + ")");
      } else {
        out.add(e);
      }
    }
    return out;
  }

  private static <E> String labels(E[] values, Function<E, String> label) {
    List<String> names = new ArrayList<>();
    for (E e : values) {
      names.add(label.apply(e));
    }
    return String.join(", ", names);
  }

  private RuleOutcome outcome(YamlMap t, PolicySpec defaultPolicy) {
    t.allowOnly("'then'", "lead", "co", "policy", "urgency");
    String lead = t.string("lead", true, "'then'");
    if (lead != null && !lead.equals(RuleOutcome.AREA) && !lead.equals(RuleOutcome.COUNTY) && tree.get(lead).isEmpty()) {
      if (declaredDepartments.contains(lead)) {
        brokenReference = true;
      } else {
        t.error("lead", "unknown department '" + lead + "' (or use @area / @county)");
      }
    }
    List<String> co = new ArrayList<>();
    for (YamlMap.Scalar s : t.strings("co")) {
      if (tree.get(s.text()).isEmpty()) {
        if (declaredDepartments.contains(s.text())) {
          brokenReference = true;
        } else {
          t.error(s.line(), "unknown department '" + s.text() + "'");
        }
      } else if (s.text().equals(lead) || co.contains(s.text())) {
        t.error(s.line(), "department '" + s.text() + "' is named twice in this outcome");
      } else {
        co.add(s.text());
      }
    }
    PolicySpec policy = t.has("policy") ? policy(t, "policy", true) : defaultPolicy;
    String urgencyText = t.string("urgency", false, "");
    Urgency urgency = Urgency.parse(urgencyText);
    if (urgencyText != null && urgency == null) {
      t.error("urgency", "bad urgency '" + urgencyText + "' (use " + labels(Urgency.values(), Urgency::label) + ")");
    }
    return lead == null || policy == null ? null : new RuleOutcome(lead, co, policy, urgency);
  }

  private PolicySpec policy(YamlMap m, String key, boolean required) {
    String id = m.string(key, required, NAME);
    if (id == null) {
      return null;
    }
    PolicySpec p = policies.get(id);
    if (p == null && declaredPolicies.contains(id)) {
      brokenReference = true;
    } else if (p == null) {
      m.error(key, "unknown policy '" + id + "' (not in policies.yaml)");
    }
    return p;
  }

  /**
   * A rule is unreachable when an earlier rule accepts every ticket it accepts. See
   * {@link RuleCondition#covers}; an earlier rule whose lead depends on the ticket's area may
   * still let tickets through, so it never shadows.
   */
  private void reportUnreachable(List<Rule> rules) {
    for (int j = 1; j < rules.size(); j++) {
      Rule later = rules.get(j);
      for (int i = 0; i < j; i++) {
        Rule earlier = rules.get(i);
        if (!earlier.then().leadDependsOnArea() && earlier.when().covers(later.when(), tree)) {
          problems.add(NAME, later.line(), "rule '" + later.id() + "' can never match: rule '" + earlier.id()
              + "' (line " + earlier.line() + ") comes first and accepts every ticket it would");
          break;
        }
      }
    }
  }
}
