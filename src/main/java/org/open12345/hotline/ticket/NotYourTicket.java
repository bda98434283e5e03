package org.open12345.hotline.ticket;

import org.open12345.hotline.problem.Problem;

/** A department acted on a ticket assigned to another department. */
public final class NotYourTicket extends Problem {
  public NotYourTicket(String number, String assignedTo, String actorDepartment) {
    super(Kind.FORBIDDEN, "not_your_ticket",
        "ticket " + number + " is assigned to " + assignedTo + ", not to " + actorDepartment, null);
  }
}
