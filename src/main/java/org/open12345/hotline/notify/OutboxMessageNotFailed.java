package org.open12345.hotline.notify;

import java.util.Map;
import org.open12345.hotline.problem.Problem;

/** A resend asked for a message that is not a dead letter (it is pending or was sent). */
public final class OutboxMessageNotFailed extends Problem {
  public OutboxMessageNotFailed(long id, String status) {
    super(Kind.CONFLICT, "not_failed", "message " + id + " is " + status + "; only failed messages can be resent",
        Map.of("status", status));
  }
}
