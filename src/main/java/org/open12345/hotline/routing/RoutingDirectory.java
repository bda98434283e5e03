package org.open12345.hotline.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.open12345.hotline.escalation.DepartmentContacts;
import org.open12345.hotline.deadline.DeadlinePolicy;
import org.open12345.hotline.deadline.DeadlineTerm;
import org.open12345.hotline.deadline.PolicyCatalog;
import org.open12345.hotline.returns.ReturnReasonCatalog;
import org.open12345.hotline.returns.ReturnReasons;
import org.open12345.hotline.ticket.RequestType;
import org.open12345.hotline.ticket.Urgency;

/**
 * The rule files as other features see them: named policies and the ruling deadline (deadline),
 * the department directory (escalation), the return reasons (returns), always from the rule set
 * in force (a reload changes them all at once).
 */
public final class RoutingDirectory implements PolicyCatalog, DepartmentContacts, ReturnReasonCatalog {
  private final RuleSetHolder rules;

  public RoutingDirectory(RuleSetHolder rules) {
    this.rules = rules;
  }

  @Override
  public Optional<DeadlinePolicy> byName(String name) {
    return rules.current().policy(name).map(PolicySpec::toDeadlinePolicy);
  }

  /** Critical and urgent tickets get the {@code critical} policy when the files define one. */
  @Override
  public DeadlinePolicy defaultFor(Urgency urgency, RequestType type) {
    RuleSet set = rules.current();
    if (urgency != null && urgency != Urgency.NORMAL) {
      Optional<PolicySpec> critical = set.policy("critical");
      if (critical.isPresent()) {
        return critical.get().toDeadlinePolicy();
      }
    }
    return set.defaultPolicy().toDeadlinePolicy();
  }

  @Override
  public DeadlineTerm rulingTerm() {
    return rules.current().returns().ruling();
  }

  @Override
  public ReturnReasons returnReasons() {
    return rules.current().returns().reasons();
  }

  @Override
  public Optional<Contacts> of(String departmentId) {
    if (departmentId == null) {
      return Optional.empty();
    }
    return rules.current().departments().get(departmentId).map(d -> {
      List<List<String>> leaders = new ArrayList<>();
      for (int level = 1; level <= 3; level++) {
        List<String> mails = d.escalationContacts(level).stream().map(EscalationContact::mail)
            .filter(m -> m != null && !m.isBlank()).toList();
        if (mails.isEmpty()) {
          break;
        }
        leaders.add(mails);
      }
      return new Contacts(d.id(), d.name(), d.mail(), leaders, d.parentId());
    });
  }

}
