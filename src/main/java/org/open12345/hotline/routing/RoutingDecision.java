package org.open12345.hotline.routing;

import java.util.List;
import org.open12345.hotline.ticket.Urgency;

/**
 * Where a ticket goes. Never null from the router: when no rule matches, the kind is
 * {@link Kind#MANUAL} (the centre's manual dispatch queue).
 *
 * @param ruleId the rule that decided; {@code manual} when none matched, {@code emergency:119} etc.
 *     for an emergency transfer
 * @param leadDepartmentId 主办单位; null unless DISPATCH
 * @param coDepartmentIds 协办单位, possibly empty
 * @param policy deadlines to store on the ticket: the rule's policy, or the default policy for the
 *     manual queue; null for an emergency
 * @param urgency the urgency the ticket should carry (the rule's, or the draft's when the rule sets none)
 * @param emergencyNumber 110/119/120/122 for EMERGENCY, null otherwise
 * @param ruleSetVersion content hash of the rule set that decided, for the ticket's event log
 * @param reading what the free text said about its category (null when the ticket came with a
 *     category code, or without text); when confident, the rules were applied to its best category
 */
public record RoutingDecision(
    Kind kind,
    String ruleId,
    String ruleName,
    String leadDepartmentId,
    List<String> coDepartmentIds,
    PolicySpec policy,
    Urgency urgency,
    String emergencyNumber,
    String ruleSetVersion,
    TextReading reading) {

  public static final String MANUAL_RULE_ID = "manual";

  public enum Kind {
    /** Sent to the lead department (and co-departments). */
    DISPATCH,
    /** No rule matched: the centre's dispatchers route it by hand. */
    MANUAL,
    /** Emergency words found: transfer to 110/119/120/122 at once, do not dispatch as a ticket. */
    EMERGENCY
  }

  public RoutingDecision {
    coDepartmentIds = List.copyOf(coDepartmentIds);
  }

  public boolean isManual() {
    return kind == Kind.MANUAL;
  }
}
