package org.open12345.hotline.deadline;

/**
 * The clocks of a ticket: the three every dispatched ticket's department runs against, and the
 * centre's own while a return (退单) waits for its ruling.
 */
public enum DeadlineKind {
  /** 签收: the department acknowledges the ticket. */
  SIGN("签收"),
  /** 联系: first contact with the citizen (the "respond" of 接诉即办). */
  RESPOND("响应"),
  /** 办结: the department's reply, the matter handled. */
  RESOLVE("办结"),
  /** 退单审核: the centre rules on a department's return (re-dispatch, or send it back). */
  RULING("退单审核");

  private final String label;

  DeadlineKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the ticket's department runs against it (not the centre). */
  public boolean isDepartments() {
    return this != RULING;
  }
}
