package org.open12345.hotline.deadline;

import org.open12345.hotline.problem.Problem;

/**
 * A deadline change (extension, pause, resume) the rules refuse: the caller's role may not make
 * it, or the ticket or request is not in a state that allows it. The code says which rule.
 */
public final class DeadlineChangeRefused extends Problem {

  private DeadlineChangeRefused(Kind kind, String code, String message) {
    super(kind, code, message, null);
  }

  /** The caller may not do this to this ticket (HTTP 403). */
  public static DeadlineChangeRefused forbidden(String code, String message) {
    return new DeadlineChangeRefused(Kind.FORBIDDEN, code, message);
  }

  /** The ticket, its deadlines or the request do not allow this now (HTTP 409). */
  public static DeadlineChangeRefused conflict(String code, String message) {
    return new DeadlineChangeRefused(Kind.CONFLICT, code, message);
  }
}
