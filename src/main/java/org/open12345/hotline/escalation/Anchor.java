package org.open12345.hotline.escalation;

/** Which point of a deadline a rung fires at (the points are computed in TicketDeadlines). */
public enum Anchor {
  /** The warning point before the deadline ({@code Deadline.warnAt}). */
  WARNING,
  /** The deadline itself ({@code Deadline.dueAt}). */
  DEADLINE,
  /** The escalation point after the deadline ({@code Deadline.escalateAt}). */
  ESCALATION
}
