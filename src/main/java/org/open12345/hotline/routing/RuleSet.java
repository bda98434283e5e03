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
      ReturnRules returns) {
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

  public List<Rule> rules() {
    return rules;
  }

  /** The emergency service a description calls for, if any (first in file order). */
  public Optional<EmergencyNumber> emergencyFor(String description) {
    return emergencies.detect(description).map(EmergencyDetector.Hit::number);
  }

  /** The emergency a description calls for, with what triggered it. */
  public Optional<EmergencyDetector.Hit> emergencyIn(String description) {
    return emergencies.detect(description);
  }

  /** Decides where a ticket goes. Never null: no match gives a MANUAL decision. */
  public RoutingDecision route(RoutingInput in) {
    PreparedInput p = new PreparedInput(in, departments);
    Optional<EmergencyDetector.Hit> e = emergencies.detectNormalized(p.normalized);
    if (e.isPresent()) {
      return emergency(e.get().number(), in);
    }
    for (int i : index.candidates(in.categoryCode())) {
      Rule r = ruleArray[i];
      if (r.when().matches(p)) {
        String lead = r.then().resolveLead(p, departments);
        if (lead != null) {
          return dispatch(r, lead, in);
        }
      }
    }
    return manual(in);
  }

  /** The decision with the matching rule and, for each earlier rule, why it did not match. */
  public Explanation explain(RoutingInput in) {
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
    String areaNote = in.area() != null && p.area == null ? "；工单区域未知 (unknown area '" + in.area() + "')" : "";
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
      return new Explanation(dispatch(r, lead, in), Optional.of(r), misses, matchNote(r, p) + areaNote, areaPath);
    }
    return new Explanation(
        manual(in), Optional.empty(), misses, "无规则匹配，转人工派单 (no rule matched: manual dispatch queue)" + areaNote, areaPath);
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

  private RoutingDecision dispatch(Rule r, String lead, RoutingInput in) {
    Urgency u = r.then().urgency() != null ? r.then().urgency() : in.urgency();
    return new RoutingDecision(
        RoutingDecision.Kind.DISPATCH, r.id(), r.name(), lead, r.then().co(), r.then().policy(), u, null, version);
  }

  /**
   * No rule matched. A ticket that came in on a sub-centre (设分中心) hotline still never lands in
   * the centre's queue: that hotline's own seats work it, so it goes to its department.
   */
  private RoutingDecision manual(RoutingInput in) {
    Optional<Hotline> subCentre = in.calledNumber() == null ? Optional.empty()
        : hotline(in.calledNumber()).filter(h -> h.mode() == MergeMode.SUB_CENTRE && h.subCentreDepartmentId() != null);
    if (subCentre.isPresent()) {
      Hotline h = subCentre.get();
      return new RoutingDecision(RoutingDecision.Kind.DISPATCH, "sub-centre:" + h.number(), h.name() + "分中心",
          h.subCentreDepartmentId(), List.of(), defaultPolicy, in.urgency(), null, version);
    }
    return new RoutingDecision(
        RoutingDecision.Kind.MANUAL, RoutingDecision.MANUAL_RULE_ID, "人工派单", null, List.of(), defaultPolicy,
        in.urgency(), null, version);
  }

  private RoutingDecision emergency(EmergencyNumber n, RoutingInput in) {
    return new RoutingDecision(
        RoutingDecision.Kind.EMERGENCY, "emergency:" + n.number(), n.name(), null, List.of(), null,
        Urgency.CRITICAL, n.number(), version);
  }
}
