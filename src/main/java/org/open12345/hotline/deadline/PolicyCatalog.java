package org.open12345.hotline.deadline;

import java.util.Optional;
import org.open12345.hotline.ticket.RequestType;
import org.open12345.hotline.ticket.Urgency;

/**
 * Where deadline policies come from. Routing names a policy per rule (routing-rules/policies.yaml);
 * a ticket dispatched without one gets {@link #defaultFor}.
 */
public interface PolicyCatalog {

  Optional<DeadlinePolicy> byName(String name);

  /** The policy of a ticket no rule named one for. */
  DeadlinePolicy defaultFor(Urgency urgency, RequestType type);

  /** How long the centre has to rule on a return (退单), and its reminders. */
  default DeadlineTerm rulingTerm() {
    return DEFAULT_RULING;
  }

  /** 4 hours, reminded 1 hour before: this project's choice (docs/deadlines.md, "Returns"). */
  DeadlineTerm DEFAULT_RULING = DeadlineTerm.of(new TimeSpan(4, TimeSpan.Unit.HOURS), new TimeSpan(1, TimeSpan.Unit.HOURS));
}
