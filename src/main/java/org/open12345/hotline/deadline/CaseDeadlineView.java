package org.open12345.hotline.deadline;

import io.vertx.core.Future;
import java.util.List;

/**
 * Where the deadline view ({@code GET /tickets/{number}/deadlines}) finds the deadlines other
 * features keep about a ticket (a 差评 case's callback and fix), to list them beside the ticket's
 * own. The evaluation feature provides it; the deadline feature does not read its tables.
 */
public interface CaseDeadlineView {

  /** Every case of the ticket with its deadlines, oldest first. */
  Future<List<CaseDeadlines>> ofTicket(long ticketId);

  /** Nothing wired: the view lists the ticket's own deadlines only. */
  static CaseDeadlineView none() {
    return ticketId -> Future.succeededFuture(List.of());
  }
}
