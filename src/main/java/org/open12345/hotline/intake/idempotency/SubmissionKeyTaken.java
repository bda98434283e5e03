package org.open12345.hotline.intake.idempotency;

/**
 * The key was stored by a copy of the submission after this one looked for it and before it
 * claimed it: this transaction is rolled back, and the copy's ticket is the answer.
 */
final class SubmissionKeyTaken extends RuntimeException {
  SubmissionKeyTaken() {
    super("idempotency key stored by a copy meanwhile", null, false, false);
  }
}
