package org.open12345.hotline.escalation;

/** Which point of a deadline a rung fires at (the points are computed in TicketDeadlines). */
public enum Anchor {
  /** Each warning point before the deadline ({@code Deadline.warnings}): one step per reminder. */
  WARNING,
  /** The deadline itself ({@code Deadline.dueAt}). */
  DEADLINE,
  /** The escalation point after the deadline ({@code Deadline.escalateAt}). */
  ESCALATION
}
