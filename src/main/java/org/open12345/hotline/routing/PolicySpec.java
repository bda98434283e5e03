package org.open12345.hotline.routing;

import org.open12345.hotline.deadline.DeadlinePolicy;
import org.open12345.hotline.deadline.DeadlineTerm;

/**
 * A named deadline policy as policies.yaml states it: sign for the ticket (签收), respond (first
 * contact with the citizen), resolve (reply with the result), each with every warning point the
 * file names. The deadline feature works with {@link #toDeadlinePolicy()}, which carries all of
 * them: nothing the file says is dropped on the way.
 *
 * @param id what rules and tickets name the policy by
 * @param name its display name, e.g. 水电气暖
 */
public record PolicySpec(String id, String name, DeadlineTerm sign, DeadlineTerm respond, DeadlineTerm resolve) {

  /** The policy the deadline feature computes a ticket's deadlines from; 通报 24h after a miss. */
  public DeadlinePolicy toDeadlinePolicy() {
    return new DeadlinePolicy(id, sign, respond, resolve, null);
  }
}
