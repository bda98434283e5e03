package org.open12345.hotline.ticket;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import org.open12345.hotline.auth.Actor;

/**
 * Reacts to a ticket change inside the same transaction (routing on creation, deadlines on
 * sign/reply, messages through the outbox), so the reaction commits or rolls back with it.
 */
public interface TicketChangeListener {

  /**
   * @param before null on creation
   * @return the ticket as the listener leaves it (a listener may change it, e.g. dispatch it)
   */
  Future<Ticket> afterChange(SqlConnection tx, Ticket before, Ticket after, TicketAction action, Actor actor,
      Instant at);

  /**
   * The same, with what came with the action, for listeners that need it (a dispatch's deadline
   * policy) without reading back the event just written.
   *
   * @param request null on creation
   */
  default Future<Ticket> afterChange(SqlConnection tx, Ticket before, Ticket after, TicketAction action, Actor actor,
      Instant at, ActionRequest request) {
    return afterChange(tx, before, after, action, actor, at);
  }
}
