package org.open12345.hotline.intake;

/** A provider payload that cannot be read; the webhook answers 4xx and logs the raw body. */
public final class PayloadException extends Exception {
  private final String field;

  public PayloadException(String field, String message) {
    super(field == null ? message : field + ": " + message);
    this.field = field;
  }

  /** The offending field (JSON name or form parameter), or null when the whole body is bad. */
  public String field() {
    return field;
  }
}
