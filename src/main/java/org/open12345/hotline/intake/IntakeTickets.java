package org.open12345.hotline.intake;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.function.Function;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.ticket.NewTicket;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketService;

/**
 * A ticket from an intake channel plus its query code and acknowledgement SMS, in the caller's
 * transaction: the citizen is told the number and code exactly when the ticket exists.
 */
public final class IntakeTickets {
  private final TicketService tickets;
  private final Acknowledgements acknowledgements;

  /** A new ticket and its plain query code (shown once, e.g. on the web form's answer). */
  public record Created(Ticket ticket, String queryCode) {}

  public IntakeTickets(TicketService tickets, Acknowledgements acknowledgements) {
    this.tickets = tickets;
    this.acknowledgements = acknowledgements;
  }

  public Future<Ticket> create(SqlConnection tx, NewTicket draft, Actor actor, JsonObject details) {
    return create(tx, draft, actor, details, t -> Future.succeededFuture());
  }

  /**
   * The transaction an intake request creates its ticket in: shared with concurrent requests
   * (group commit, {@code intake.batch.*}) and completed after the shared commit, or its own.
   */
  public <T> Future<T> inTransaction(Function<SqlConnection, Future<T>> work) {
    return tickets.inCreatingTransaction(work);
  }

  /** The CPU work on a draft (routing's reading of its text) done before its transaction opens. */
  public void readAhead(NewTicket draft, Actor actor) {
    tickets.readAhead(draft, actor);
  }

  /**
   * As {@link #create(SqlConnection, NewTicket, Actor, JsonObject)}, plus the channel's own write
   * about the new ticket. Both it and the acknowledgement need only the inserted row (number, id,
   * phone), so they go out alongside routing and deadlines (pipelined) instead of after them.
   */
  public Future<Ticket> create(SqlConnection tx, NewTicket draft, Actor actor, JsonObject details,
      Function<Ticket, Future<?>> alongside) {
    return createWithCode(tx, draft, actor, details, alongside).map(Created::ticket);
  }

  /** As {@link #create(SqlConnection, NewTicket, Actor, JsonObject, Function)}, with the query code. */
  public Future<Created> createWithCode(SqlConnection tx, NewTicket draft, Actor actor, JsonObject details,
      Function<Ticket, Future<?>> alongside) {
    return createWithCode(tx, draft, actor, details, QueryCodes.generate(), alongside);
  }

  /** As above, with a code the caller drew ({@link QueryCodes#derive}: one it can give again). */
  public Future<Created> createWithCode(SqlConnection tx, NewTicket draft, Actor actor, JsonObject details,
      String code, Function<Ticket, Future<?>> alongside) {
    return tickets.create(tx, draft, actor, details, t -> {
      Future<Void> acknowledged = acknowledgements.acknowledge(tx, t, code);
      Future<?> written = alongside.apply(t);
      return Future.all(acknowledged, written);
    }).map(t -> new Created(t, code));
  }
}
