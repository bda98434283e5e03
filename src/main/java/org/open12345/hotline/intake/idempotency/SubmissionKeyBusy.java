package org.open12345.hotline.intake.idempotency;

import org.open12345.hotline.problem.Problem;

/**
 * Another request with this idempotency key is being stored right now, on another instance, or
 * in a transaction whose connection was lost and which PostgreSQL has not ended yet (the IETF
 * draft's 409). Nothing is stored; the same request sent again a little later gets that one's
 * answer, or is stored if that one never was.
 */
public final class SubmissionKeyBusy extends Problem {
  public SubmissionKeyBusy() {
    super(Kind.CONFLICT, "idempotency_key_in_use",
        "使用此幂等键的请求正在处理中，请稍后重试（a request with this Idempotency-Key is still being processed; "
            + "send it again in a moment）", null);
  }
}
