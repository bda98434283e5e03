package org.open12345.hotline.intake.idempotency;

/**
 * The key was stored before by a copy of the submission: this one's transaction is rolled back,
 * and the copy's ticket is the answer ({@link KeyedSubmissions} gives it; a caller sees this only
 * to undo what it counted for a new submission).
 */
public final class SubmissionKeyTaken extends RuntimeException {
  SubmissionKeyTaken() {
    super("idempotency key stored by a copy meanwhile", null, false, false);
  }
}
