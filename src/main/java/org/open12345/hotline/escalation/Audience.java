package org.open12345.hotline.escalation;

/** Who a step is addressed to; the notifier resolves these against the department tree. */
public enum Audience {
  /** The handling department (承办单位) the ticket is dispatched to. */
  DEPARTMENT,
  /** The department's escalation contacts (its leaders on duty). */
  ESCALATION_CONTACTS,
  /** The department above it in the tree. */
  PARENT_DEPARTMENT,
  /** The centre's supervisors (督查). */
  SUPERVISORS
}
