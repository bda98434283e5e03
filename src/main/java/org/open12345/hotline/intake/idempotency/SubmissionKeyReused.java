package org.open12345.hotline.intake.idempotency;

import org.open12345.hotline.problem.Problem;

/** An idempotency key sent again with other content than the first time: nothing is stored. */
public final class SubmissionKeyReused extends Problem {
  public SubmissionKeyReused() {
    super(Kind.UNPROCESSABLE, "idempotency_key_reused",
        "此幂等键已用于另一份不同内容的诉求（the Idempotency-Key was used before with other content; use a new key"
            + " for a new complaint）", null);
  }
}
