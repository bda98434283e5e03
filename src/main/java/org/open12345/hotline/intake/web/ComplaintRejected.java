package org.open12345.hotline.intake.web;

/** A complaint refused for its content; the message is Chinese first, for the citizen. */
public final class ComplaintRejected extends Exception {
  private final String field;

  public ComplaintRejected(String field, String message) {
    super(message, null, false, false);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
