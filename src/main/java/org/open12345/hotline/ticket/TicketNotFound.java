package org.open12345.hotline.ticket;

import org.open12345.hotline.problem.NotFound;

/** No ticket has this number (or the caller may not know that one does). */
public final class TicketNotFound extends NotFound {
  public TicketNotFound(String number) {
    super("no ticket " + number);
  }
}
