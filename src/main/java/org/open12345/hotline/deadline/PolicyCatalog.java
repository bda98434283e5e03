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
}
