package org.open12345.hotline.deadline;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;

/**
 * What the deadline view ({@code GET /tickets/{number}/deadlines}) shows of a ticket's reminder
 * and escalation steps. The escalation feature provides it; the deadline feature does not read
 * that feature's tables.
 */
public interface LadderView {

  /** The ticket's steps in the view's JSON shape, by due time. */
  Future<JsonArray> stepsOf(long ticketId);

  /** No ladder wired: the view lists no steps. */
  static LadderView none() {
    return ticketId -> Future.succeededFuture(new JsonArray());
  }
}
