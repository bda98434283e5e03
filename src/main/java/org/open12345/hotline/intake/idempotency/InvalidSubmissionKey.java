package org.open12345.hotline.intake.idempotency;

/** A key that is not 1–255 printable ASCII characters; the message is Chinese first, for the citizen. */
public final class InvalidSubmissionKey extends Exception {
  public InvalidSubmissionKey(String message) {
    super(message, null, false, false);
  }
}
