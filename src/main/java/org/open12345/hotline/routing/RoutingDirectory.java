package org.open12345.hotline.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.open12345.hotline.escalation.DepartmentContacts;
import org.open12345.hotline.deadline.PolicyCatalog;
import org.open12345.hotline.deadline.TimeSpan;
import org.open12345.hotline.ticket.RequestType;
import org.open12345.hotline.ticket.Urgency;

/**
 * The rule files as the deadline feature sees them: named policies and the department directory,
 * always from the rule set in force (a reload changes both at once).
 */
public final class RoutingDirectory implements PolicyCatalog, DepartmentContacts {
  private final RuleSetHolder rules;

  public RoutingDirectory(RuleSetHolder rules) {
    this.rules = rules;
  }

  @Override
  public Optional<org.open12345.hotline.deadline.DeadlinePolicy> byName(String name) {
    return rules.current().policy(name).map(RoutingDirectory::toDeadlinePolicy);
  }

  /** Critical and urgent tickets get the {@code critical} policy when the files define one. */
  @Override
  public org.open12345.hotline.deadline.DeadlinePolicy defaultFor(Urgency urgency, RequestType type) {
    RuleSet set = rules.current();
    if (urgency != null && urgency != Urgency.NORMAL) {
      Optional<DeadlinePolicy> critical = set.policy("critical");
      if (critical.isPresent()) {
        return toDeadlinePolicy(critical.get());
      }
    }
    return toDeadlinePolicy(set.defaultPolicy());
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

  /**
   * The deadline feature keeps one warning span per policy: the resolve deadline's first
   * {@code warn_before}, else the respond deadline's; with none, it warns at half the time.
   */
  static org.open12345.hotline.deadline.DeadlinePolicy toDeadlinePolicy(DeadlinePolicy p) {
    return new org.open12345.hotline.deadline.DeadlinePolicy(p.id(), span(p.sign()), span(p.respond()),
        span(p.resolve()), firstWarning(p.resolve(), p.respond()), null);
  }

  private static TimeSpan span(Deadline d) {
    return d == null ? null : d.within();
  }

  private static TimeSpan firstWarning(Deadline... ds) {
    for (Deadline d : ds) {
      if (d != null && !d.warnBefore().isEmpty()) {
        return d.warnBefore().get(0);
      }
    }
    return null;
  }
}
