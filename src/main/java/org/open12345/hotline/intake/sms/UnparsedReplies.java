package org.open12345.hotline.intake.sms;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.evaluation.RatingLevel;
import org.open12345.hotline.evaluation.RatingService;
import org.open12345.hotline.intake.IntakeTickets;
import org.open12345.hotline.problem.InvalidField;
import org.open12345.hotline.problem.NotFound;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketService;

/**
 * People settle the replies the parser left alone ({@code GET /api/inbound?status=unparsed}): read
 * one as level X for ticket Y (a counted rating, as of the time the reply arrived), dismiss it, or
 * make it the new ticket it really was. The parser never guesses; people decide, and the decision
 * is logged on the message (who, when, why) and, for a rating, on the ticket.
 */
public final class UnparsedReplies {
  /** Those who read the inbound log ({@code GET /api/inbound}). */
  private static final Set<Role> STAFF = EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR);

  /** What a person decided. */
  public enum Decision { RATE, DISMISS, TICKET }

  /**
   * @param level for RATE
   * @param ticketNumber for RATE: the ticket rated; null = the one the reply's prompt was about
   */
  public record Settlement(Decision decision, RatingLevel level, String ticketNumber, String note) {}

  private final Pool pool;
  private final InboundMessageRepository messages;
  private final RatingService ratings;
  private final IntakeTickets intake;
  private final TicketService tickets;
  private final Clock clock;

  public UnparsedReplies(Pool pool, InboundMessageRepository messages, RatingService ratings, IntakeTickets intake,
      TicketService tickets, Clock clock) {
    this.pool = pool;
    this.messages = messages;
    this.ratings = ratings;
    this.intake = intake;
    this.tickets = tickets;
    this.clock = clock;
  }

  /** @return the message as settled, with its ticket's number */
  public Future<InboundMessage> settle(long id, Actor actor, Settlement s) {
    if (!STAFF.contains(actor.role())) {
      return Future.failedFuture(SettleRefused.forbidden("role " + actor.role() + " may not settle inbound messages"));
    }
    Instant now = clock.instant();
    return pool.withTransaction(tx -> messages.lock(tx, id).compose(found -> {
      InboundMessage m = found.orElseThrow(() -> new NotFound("no inbound message " + id));
      if (!m.outcome().equals("unparsed")) {
        throw SettleRefused.conflict("not_unparsed", "该短信不是待人工判读的回复（message " + id + " is "
            + m.outcome() + ", only unparsed replies are settled）");
      }
      return switch (s.decision()) {
        case RATE -> rate(tx, m, actor, s, now);
        case DISMISS -> messages.settle(tx, m.id(), "dismissed", "dismissed by " + actor.id(), m.ticketId(), null, now,
            actor.id(), s.note());
        case TICKET -> intake.create(tx, InboundSmsHandler.draft(m.phone(), m.text(), m.destination()), Actor.SYSTEM,
                new JsonObject().put("inbound_message_id", m.id()).put("settled_by", actor.id()))
            .compose(t -> messages.settle(tx, m.id(), "ticket", t.number(), t.id(), null, now, actor.id(), s.note()));
      };
    })).compose(this::withNumber);
  }

  private Future<InboundMessage> rate(SqlConnection tx, InboundMessage m, Actor actor, Settlement s, Instant now) {
    Future<List<Ticket>> target = s.ticketNumber() != null
        ? tickets.repository().findByNumber(tx, s.ticketNumber()).map(t -> t.map(List::of).orElse(List.of()))
        : m.ticketId() == null ? Future.succeededFuture(List.of())
            : tickets.repository().findByIds(tx, List.of(m.ticketId()));
    return target.compose(found -> {
      if (found.isEmpty()) {
        throw s.ticketNumber() == null
            ? new InvalidField("ticket_number", "the reply names no ticket: give the ticket it rates")
            : new NotFound("no ticket " + s.ticketNumber());
      }
      Ticket t = found.get(0);
      return ratings.settle(tx, t, m.phone(), m.arrivedAt(), s.level(), m.text(), m.id(), actor)
          .compose(stored -> messages.settle(tx, m.id(), "settled", "settled as " + s.level().label() + " for "
              + t.number() + " by " + actor.id(), t.id(), stored.id(), now, actor.id(), s.note()));
    });
  }

  private Future<InboundMessage> withNumber(InboundMessage m) {
    if (m.ticketId() == null) {
      return Future.succeededFuture(m);
    }
    return tickets.findAll(List.of(m.ticketId()))
        .map(ts -> ts.isEmpty() ? m : m.withTicketNumber(ts.get(0).number()));
  }
}
