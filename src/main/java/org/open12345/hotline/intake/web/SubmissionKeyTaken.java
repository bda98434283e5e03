package org.open12345.hotline.intake.web;

/**
 * The key was claimed by a concurrent copy of the submission while this one was creating its
 * ticket: this transaction is rolled back, and the copy's ticket is the answer.
 */
final class SubmissionKeyTaken extends RuntimeException {
  SubmissionKeyTaken() {
    super("idempotency key claimed by a concurrent copy", null, false, false);
  }
}
