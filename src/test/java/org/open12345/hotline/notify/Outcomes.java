package org.open12345.hotline.notify;

import org.junit.jupiter.api.Assertions;

/** Assertions on send outcomes that show the outcome when it is the wrong kind. */
public final class Outcomes {

  private Outcomes() {}

  public static SendOutcome.Sent sent(SendOutcome outcome) {
    return as(SendOutcome.Sent.class, outcome);
  }

  public static SendOutcome.Retry retry(SendOutcome outcome) {
    return as(SendOutcome.Retry.class, outcome);
  }

  public static SendOutcome.Permanent permanent(SendOutcome outcome) {
    return as(SendOutcome.Permanent.class, outcome);
  }

  private static <T extends SendOutcome> T as(Class<T> kind, SendOutcome outcome) {
    if (!kind.isInstance(outcome)) {
      Assertions.fail("expected " + kind.getSimpleName() + " but was " + outcome);
    }
    return kind.cast(outcome);
  }
}
