package org.open12345.hotline.ticket;

import java.util.Map;
import org.open12345.hotline.problem.Problem;

/** A merge (并案) the master's or the ticket's state does not allow: nothing was changed (HTTP 409). */
public final class MergeRefused extends Problem {
  private MergeRefused(String code, String message, Map<String, Object> details) {
    super(Kind.CONFLICT, code, message, details);
  }

  static MergeRefused masterNotOpen(Ticket master) {
    String why = master.status() == TicketStatus.MERGED ? "is itself merged into another ticket"
        : master.status() == TicketStatus.REPLIED ? "has already been replied to (merge before the reply)"
        : "has ended (" + master.status().label() + ")";
    return new MergeRefused(master.status() == TicketStatus.MERGED ? "master_merged" : "master_not_open",
        "master ticket " + master.number() + " " + why,
        Map.of("master_number", master.number(), "master_status", master.status().name()));
  }

  static MergeRefused isAMaster(Ticket ticket) {
    return new MergeRefused("ticket_is_master", "ticket " + ticket.number()
        + " has tickets merged into it; unmerge them first", Map.of("number", ticket.number()));
  }
}
