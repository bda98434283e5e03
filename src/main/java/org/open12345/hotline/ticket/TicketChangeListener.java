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
   * Told about a draft before the transaction that will create it opens, to do CPU work there
   * (e.g. read its free text) rather than while a connection is held. Optional, and not a promise
   * that the ticket will be created; at is about when it will be.
   */
  default void beforeCreate(NewTicket draft, Actor actor, Instant at) {}

  /**
   * A listener implements this or {@link #afterChange(SqlConnection, Ticket, Ticket, TicketAction,
   * Actor, Instant, ActionRequest)}, the one the ticket service calls.
   *
   * @param before null on creation
   * @return the ticket as the listener leaves it (a listener may change it, e.g. dispatch it)
   */
  default Future<Ticket> afterChange(SqlConnection tx, Ticket before, Ticket after, TicketAction action, Actor actor,
      Instant at) {
    throw new UnsupportedOperationException(getClass().getName() + " implements neither afterChange method");
  }

  /**
   * The same, with what came with the action, for listeners that need it (a dispatch's deadline
   * policy, an answer given on the spot) without reading back the event just written.
   *
   * @param request null on creation, except for a ticket answered on the spot
   */
  default Future<Ticket> afterChange(SqlConnection tx, Ticket before, Ticket after, TicketAction action, Actor actor,
      Instant at, ActionRequest request) {
    return afterChange(tx, before, after, action, actor, at);
  }
}
