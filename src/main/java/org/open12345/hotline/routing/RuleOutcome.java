package org.open12345.hotline.routing;

import java.util.List;
import org.open12345.hotline.ticket.Urgency;

/**
 * The {@code then} part of a rule. The lead may be a department id or a placeholder resolved
 * against the ticket's area: {@value #AREA} (the area itself, e.g. the street office) or
 * {@value #COUNTY} (the county/district/banner that contains it).
 *
 * @param urgency the urgency to set, or null to keep the draft's
 */
public record RuleOutcome(String lead, List<String> co, PolicySpec policy, Urgency urgency) {
  public static final String AREA = "@area";
  public static final String COUNTY = "@county";

  public RuleOutcome {
    co = List.copyOf(co);
  }

  public boolean leadDependsOnArea() {
    return lead.startsWith("@");
  }

  /** The lead department id for this ticket, or null when a placeholder cannot be resolved. */
  String resolveLead(PreparedInput p, DepartmentTree tree) {
    if (!leadDependsOnArea()) {
      return lead;
    }
    if (p.area == null) {
      return null;
    }
    if (AREA.equals(lead)) {
      return p.area.id();
    }
    for (int i : p.areaAncestors) {
      Department d = p.ancestor(i, tree);
      if (d.kind() == DepartmentKind.COUNTY) {
        return d.id();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "lead " + lead + (co.isEmpty() ? "" : ", co " + co) + ", policy " + policy.id()
        + (urgency == null ? "" : ", urgency " + urgency.label());
  }
}
