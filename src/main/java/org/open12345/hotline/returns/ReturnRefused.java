package org.open12345.hotline.returns;

import org.open12345.hotline.problem.Problem;

/** A ruling the rules refuse: the caller may not rule, or the return is no longer pending. */
public final class ReturnRefused extends Problem {

  private ReturnRefused(Kind kind, String code, String message) {
    super(kind, code, message, null);
  }

  static ReturnRefused forbidden(String message) {
    return new ReturnRefused(Kind.FORBIDDEN, "forbidden_action", message);
  }

  static ReturnRefused alreadyRuled(TicketReturn r) {
    return new ReturnRefused(Kind.CONFLICT, "already_ruled",
        "return " + r.id() + " of ticket " + r.ticketNumber() + " was already ruled: " + r.decision());
  }
}
