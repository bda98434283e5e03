package org.open12345.hotline.deadline;

/**
 * The clocks of a ticket: the three every dispatched ticket's department runs against, the
 * centre's own while a return (退单) waits for its ruling, and the two of a 差评's follow-up case
 * (seed article 34), which the evaluation feature keeps outside the ticket's policy.
 */
public enum DeadlineKind {
  /** 签收: the department acknowledges the ticket. */
  SIGN("签收"),
  /** 联系: first contact with the citizen (the "respond" of 接诉即办). */
  RESPOND("响应"),
  /** 办结: the department's reply, the matter handled. */
  RESOLVE("办结"),
  /** 退单审核: the centre rules on a department's return (re-dispatch, or send it back). */
  RULING("退单审核"),
  /** 差评回访: the callback that verifies a bad rating, 48 hours from it (a rating case's). */
  CALLBACK("差评回访"),
  /** 差评整改: the fix (or the explanation of a claim without basis), 15 natural days from the rating. */
  FIX("差评整改");

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
