package org.open12345.hotline.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.open12345.hotline.ticket.Urgency;

/**
 * A loaded, validated and immutable set of routing rules with the directory they refer to. Safe
 * to share between threads; a reload builds a new instance and swaps the reference, so a ticket
 * never sees half of one set and half of another.
 */
public final class RuleSet {
  private final String version;
  private final DepartmentTree departments;
  private final CategoryTree categories;
  private final Map<String, PolicySpec> policies;
  private final String centreNumber;
  private final List<Hotline> hotlines;
  private final List<EmergencyNumber> emergencyNumbers;
  private final List<Rule> rules;
  private final PolicySpec defaultPolicy;
  private final ReturnRules returns;
  private final Rule[] ruleArray;
  private final RuleIndex index;
  private final EmergencyDetector emergencies;
  private final Vocabulary vocabulary;
  private final TextClassifier classifier;
  private final double textThreshold;

  RuleSet(
      String version,
      DepartmentTree departments,
      CategoryTree categories,
      Map<String, PolicySpec> policies,
      String centreNumber,
      List<Hotline> hotlines,
      List<EmergencyNumber> emergencyNumbers,
      List<Rule> rules,
      PolicySpec defaultPolicy,
      ReturnRules returns,
      Vocabulary vocabulary,
      double textThreshold) {
    this.version = version;
    this.returns = returns;
    this.departments = departments;
    this.categories = categories;
    this.policies = Map.copyOf(policies);
    this.centreNumber = centreNumber;
    this.hotlines = List.copyOf(hotlines);
    this.emergencyNumbers = List.copyOf(emergencyNumbers);
    this.rules = List.copyOf(rules);
    this.defaultPolicy = defaultPolicy;
    this.ruleArray = rules.toArray(Rule[]::new);
    this.index = new RuleIndex(rules, categories);
    this.emergencies = new EmergencyDetector(emergencyNumbers);
    this.vocabulary = vocabulary;
    this.classifier = new TextClassifier(vocabulary, categories);
    this.textThreshold = textThreshold;
  }

  /** Short SHA-256 of the rule files' content: equal content, equal version. */
  public String version() {
    return version;
  }

  /** The return (退单) reasons and the centre's ruling deadline (policies.yaml, {@code returns}). */
  ReturnRules returns() {
    return returns;
  }

  public DepartmentTree departments() {
    return departments;
  }

  public CategoryTree categories() {
    return categories;
  }

  public Map<String, PolicySpec> policies() {
    return policies;
  }

  public Optional<PolicySpec> policy(String id) {
    return Optional.ofNullable(policies.get(id));
  }

  /** The policy of tickets in the manual queue, and of rules that name none. */
  public PolicySpec defaultPolicy() {
    return defaultPolicy;
  }

  /** The centre's own number, e.g. 12345. */
  public String centreNumber() {
    return centreNumber;
  }

  public List<Hotline> hotlines() {
    return hotlines;
  }

  public Optional<Hotline> hotline(String number) {
    return hotlines.stream().filter(h -> h.number().equals(number)).findFirst();
  }

  public List<EmergencyNumber> emergencyNumbers() {
    return emergencyNumbers;
  }

  /**
   * Departments no notice can reach (no mailbox, no robot, no duty mobile): what a dispatch notice
   * or a ladder step for them sends goes to the centre's supervisors instead. One line each, for
   * the start log, {@code /ready} and the rule check; they do not make the files invalid.
   */
  public List<String> contactWarnings() {
    return departments.all().stream().filter(d -> !d.hasContact())
        .sorted(java.util.Comparator.comparing(Department::id))
        .map(d -> "departments.yaml: " + d.id() + " (" + d.name() + ") has no mail, robot (webhooks) or duty mobile"
            + " (phones that take SMS): its notices and ladder steps go to the centre's supervisors")
        .toList();
  }

  public List<Rule> rules() {
    return rules;
  }

  /** The emergency service a description calls for, if any (first in file order). */
  public Optional<EmergencyNumber> emergencyFor(String description) {
    return emergencies.detect(description).map(EmergencyDetector.Hit::number);
  }

  /**
   * The word that made {@code description} an emergency (what the detector matched), for the
   * people who must act on it; empty when it is none.
   */
  public Optional<String> emergencyWord(String description) {
    return emergencies.detect(description).map(EmergencyDetector.Hit::trigger);
  }

  /** The emergency a description calls for, with what triggered it. */
  public Optional<EmergencyDetector.Hit> emergencyIn(String description) {
    return emergencies.detect(description);
  }

  /** The words of every category (categories.yaml). */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** The confidence a category read from free text needs to route alone (rules.yaml {@code text_confidence}). */
  public double textThreshold() {
    return textThreshold;
  }

  /** Decides where a ticket goes, reading free text with the vocabulary alone. */
  public RoutingDecision route(RoutingInput in) {
    return route(in, TextModel.NONE, true);
  }

  /**
   * Decides where a ticket goes. Never null: no match gives a MANUAL decision. A ticket without a
   * category code but with a description has its category read from the text; when that reading is
   * confident the rules are applied as if the code had been given (so explicit rules, areas,
   * hotlines and urgency still decide), otherwise the rules see no code and the reading's
   * suggestions go with the ticket to the manual queue.
   *
   * @param actOnText false for a ticket an operator wrote: the reading is shown as suggestions only
   *     (operators choose the category themselves; a citizen's SMS, web form or voicemail cannot)
   */
  public RoutingDecision route(RoutingInput in, TextModel model, boolean actOnText) {
    PreparedInput p = new PreparedInput(in, departments);
    Optional<EmergencyDetector.Hit> e = emergencies.detectNormalized(p.normalized);
    if (e.isPresent()) {
      return emergency(e.get().number(), in);
    }
    TextReading reading = read(p, model, actOnText);
    if (reading != null && reading.applied()) {
      p = new PreparedInput(withCategory(in, reading.suggestions().get(0).categoryCode()), departments);
    }
    Match m = firstMatch(p);
    return m == null ? manual(in, reading) : dispatch(m.rule(), m.lead(), in, reading);
  }

  /**
   * The decision the rules give this ticket as if it named {@code categoryCode}: a dispatcher's
   * accepted suggestion is dispatched with the department and deadline policy of the rule that
   * category reaches (no emergency check and no text reading: the dispatcher has read it).
   */
  public RoutingDecision routeAs(RoutingInput in, String categoryCode) {
    RoutingInput given = withCategory(in, categoryCode);
    Match m = firstMatch(new PreparedInput(given, departments));
    return m == null ? manual(given, null) : dispatch(m.rule(), m.lead(), given, null);
  }

  /**
   * The first category (most specific first, then in file order) that this ticket would be sent
   * to {@code departmentId} under: what a dispatch there by hand says about the ticket's category
   * when no reading of its text names that department.
   */
  public Optional<String> categoryLeadingTo(RoutingInput in, String departmentId) {
    java.util.Set<String> parents = new java.util.HashSet<>();
    categories.all().forEach(c -> parents.add(c.parentCode()));
    List<Category> ordered = new ArrayList<>(categories.all());
    ordered.sort(java.util.Comparator.comparing((Category c) -> parents.contains(c.code())));
    for (Category c : ordered) {
      RoutingDecision d = routeAs(in, c.code());
      if (d.kind() == RoutingDecision.Kind.DISPATCH && departmentId.equals(d.leadDepartmentId())) {
        return Optional.of(c.code());
      }
    }
    return Optional.empty();
  }

  /** The text's reading, or null when the ticket names its category or has no text. */
  private TextReading read(PreparedInput p, TextModel model, boolean actOnText) {
    if (p.in.categoryCode() != null || p.normalized.isEmpty()) {
      return null;
    }
    Map<String, TextClassifier.Guess> guesses = classifier.read(p.normalized, model);
    // the confidence that counts is the department's: two heating sub-categories agree
    Map<String, Double> byDepartment = new java.util.HashMap<>();
    Map<String, String> leadOf = new java.util.HashMap<>();
    guesses.forEach((code, g) -> {
      String lead = leadFor(new PreparedInput(withCategory(p.in, code), departments));
      leadOf.put(code, lead);
      if (lead != null) {
        byDepartment.merge(lead, g.probability(), Double::sum);
      }
    });
    List<TextReading.Suggestion> all = new ArrayList<>();
    guesses.forEach((code, g) -> {
      String lead = leadOf.get(code);
      double confidence = lead == null ? g.probability() : byDepartment.get(lead);
      all.add(new TextReading.Suggestion(code, categories.pathName(code), lead, round(confidence), g.words()));
    });
    // best department first; within one, its likeliest category; then by code, so the order is fixed
    all.sort(java.util.Comparator.comparingDouble(TextReading.Suggestion::confidence).reversed()
        .thenComparing(java.util.Comparator.comparingDouble(
            (TextReading.Suggestion s) -> guesses.get(s.categoryCode()).probability()).reversed())
        .thenComparing(TextReading.Suggestion::categoryCode));
    // one suggestion per department (its likeliest category), then the ones no rule routes
    List<TextReading.Suggestion> top = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (TextReading.Suggestion s : all) {
      if (top.size() < 3 && (s.departmentId() == null || seen.add(s.departmentId()))) {
        top.add(s);
      }
    }
    boolean confident = !top.isEmpty() && top.get(0).departmentId() != null && top.get(0).confidence() >= textThreshold;
    return new TextReading(top, textThreshold, confident, confident && actOnText, model.version());
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** The lead department the first matching rule gives, or null (the manual queue). */
  private String leadFor(PreparedInput p) {
    Match m = firstMatch(p);
    return m == null ? null : m.lead();
  }

  private record Match(Rule rule, String lead) {}

  /** The first rule that matches and can name its lead department, or null. */
  private Match firstMatch(PreparedInput p) {
    for (int i : index.candidates(p.in.categoryCode())) {
      Rule r = ruleArray[i];
      if (r.when().matches(p)) {
        String lead = r.then().resolveLead(p, departments);
        if (lead != null) {
          return new Match(r, lead);
        }
      }
    }
    return null;
  }

  private static RoutingInput withCategory(RoutingInput in, String code) {
    return new RoutingInput(code, in.type(), in.urgency(), in.description(), in.area(), in.channel(),
        in.calledNumber(), in.timeOfDay());
  }

  /** The decision with the matching rule and, for each earlier rule, why it did not match. */
  public Explanation explain(RoutingInput in) {
    return explain(in, TextModel.NONE, true);
  }

  /** {@link #explain(RoutingInput)} with the statistical model in force taking part in reading text. */
  public Explanation explain(RoutingInput in, TextModel model, boolean actOnText) {
    PreparedInput p = new PreparedInput(in, departments);
    List<String> areaPath = new ArrayList<>();
    if (p.area != null) {
      departments.ancestorsOrSelf(p.area.id()).forEach(d -> areaPath.add(d.name()));
    }
    Optional<EmergencyDetector.Hit> e = emergencies.detectNormalized(p.normalized);
    if (e.isPresent()) {
      EmergencyNumber n = e.get().number();
      return new Explanation(
          emergency(n, in),
          Optional.empty(),
          List.of(),
          "描述含紧急情形「" + e.get().trigger() + "」，应立即转接" + n.number() + n.name() + " (emergency words for "
              + n.number() + ": transfer, do not dispatch)",
          areaPath);
    }
    TextReading reading = read(p, model, actOnText);
    String textNote = "";
    if (reading != null && reading.applied()) {
      TextReading.Suggestion best = reading.suggestions().get(0);
      p = new PreparedInput(withCategory(in, best.categoryCode()), departments);
      textNote = "；按描述判定诉求分类 " + best.categoryCode() + " " + best.categoryName() + "，置信度 " + best.confidence()
          + " (category read from the text, confidence " + best.confidence() + " >= " + textThreshold + ")";
    } else if (reading != null && reading.confident()) {
      textNote = "；话务员录入的工单不按描述自动分类，仅附建议 (an operator's ticket: the reading is a suggestion only)";
    } else if (reading != null) {
      textNote = reading.isEmpty() ? "；描述未能判定诉求分类 (the text names no known category)"
          : "；按描述判定置信度不足，附建议 (reading below " + textThreshold + ": suggestions for the dispatcher)";
    }
    String areaNote = (in.area() != null && p.area == null ? "；工单区域未知 (unknown area '" + in.area() + "')" : "")
        + textNote;
    List<RuleMiss> misses = new ArrayList<>();
    for (Rule r : ruleArray) {
      String why = r.when().whyNot(p, departments);
      String lead = null;
      if (why == null) {
        lead = r.then().resolveLead(p, departments);
        if (lead == null) {
          why = "主办单位取决于工单区域，但无法确定 (lead " + r.then().lead() + " needs a ticket area that has one)";
        }
      }
      if (why != null) {
        misses.add(new RuleMiss(r.id(), r.name(), r.line(), why));
        continue;
      }
      return new Explanation(dispatch(r, lead, in, reading), Optional.of(r), misses, matchNote(r, p) + areaNote,
          areaPath);
    }
    return new Explanation(
        manual(in, reading), Optional.empty(), misses,
        "无规则匹配，转人工派单 (no rule matched: manual dispatch queue)" + areaNote, areaPath);
  }

  private String matchNote(Rule r, PreparedInput p) {
    String note = "规则 " + r.id() + " 匹配 (rule " + r.id() + " matched, " + r.when().describe() + ")";
    if (r.when().areaIndexes.length > 0) {
      int hit = r.when().matchedArea(p);
      if (hit != p.areaIndex) {
        Department up = departments.byIndex(hit);
        note += "；区域由" + p.area.name() + "上溯至" + up.name()
            + " (area fell back from " + p.area.name() + " to " + up.name() + ")";
      }
    }
    return note;
  }

  private RoutingDecision dispatch(Rule r, String lead, RoutingInput in, TextReading reading) {
    Urgency u = r.then().urgency() != null ? r.then().urgency() : in.urgency();
    return new RoutingDecision(
        RoutingDecision.Kind.DISPATCH, r.id(), r.name(), lead, r.then().co(), r.then().policy(), u, null, version,
        reading);
  }

  /**
   * No rule matched. A ticket that came in on a sub-centre (设分中心) hotline still never lands in
   * the centre's queue: that hotline's own seats work it, so it goes to its department.
   */
  private RoutingDecision manual(RoutingInput in, TextReading reading) {
    Optional<Hotline> subCentre = in.calledNumber() == null ? Optional.empty()
        : hotline(in.calledNumber()).filter(h -> h.mode() == MergeMode.SUB_CENTRE && h.subCentreDepartmentId() != null);
    if (subCentre.isPresent()) {
      Hotline h = subCentre.get();
      return new RoutingDecision(RoutingDecision.Kind.DISPATCH, "sub-centre:" + h.number(), h.name() + "分中心",
          h.subCentreDepartmentId(), List.of(), defaultPolicy, in.urgency(), null, version, reading);
    }
    return new RoutingDecision(
        RoutingDecision.Kind.MANUAL, RoutingDecision.MANUAL_RULE_ID, "人工派单", null, List.of(), defaultPolicy,
        in.urgency(), null, version, reading);
  }

  private RoutingDecision emergency(EmergencyNumber n, RoutingInput in) {
    return new RoutingDecision(
        RoutingDecision.Kind.EMERGENCY, "emergency:" + n.number(), n.name(), null, List.of(), null,
        Urgency.CRITICAL, n.number(), version, null);
  }
}
