package org.open12345.hotline.deadline;

/** The three clocks every dispatched ticket runs against. */
public enum DeadlineKind {
  /** 签收: the department acknowledges the ticket. */
  SIGN("签收"),
  /** 联系: first contact with the citizen (the "respond" of 接诉即办). */
  RESPOND("响应"),
  /** 办结: the department's reply, the matter handled. */
  RESOLVE("办结");

  private final String label;

  DeadlineKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
