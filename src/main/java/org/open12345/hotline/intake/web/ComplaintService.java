package org.open12345.hotline.intake.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.evaluation.RatingLevel;
import org.open12345.hotline.evaluation.RatingService;
import org.open12345.hotline.intake.EmergencyMatch;
import org.open12345.hotline.intake.EmergencyTransfers;
import org.open12345.hotline.intake.IntakeTickets;
import org.open12345.hotline.intake.QueryCodeRepository;
import org.open12345.hotline.intake.QueryCodes;
import org.open12345.hotline.problem.NotFound;
import org.open12345.hotline.ticket.NewTicket;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketEvent;
import org.open12345.hotline.ticket.TicketService;

/**
 * Complaints from the portal: a submission becomes a ticket plus a query code shown once, and
 * the citizen follows it, or any ticket whose acknowledgement SMS gave them a code (SMS and phone
 * tickets too), with number and code. A wrong code, or a ticket without one, is not found exactly
 * like an unknown number, so nothing about other people's tickets leaks.
 */
public final class ComplaintService {
  /**
   * A complaint that was accepted: its number, the plain query code (shown once) and the emergency
   * its text names, if any (null otherwise): the citizen must be told at once to call that number.
   */
  public record Accepted(String number, String code, EmergencyMatch emergency) {}

  /**
   * What the citizen sees of their complaint: the ticket, the department's replies, and its
   * current rating round (whether it can be rated now, and the rating given).
   */
  public record Complaint(Ticket ticket, List<TicketEvent> replies, RatingService.Round rating) {}

  private static final String NOT_FOUND = "没有找到该工单，或查询码不正确（no complaint with this number and code）";
  private final Pool pool;
  private final IntakeTickets intake;
  private final TicketService tickets;
  private final WebComplaintRepository repository;
  private final QueryCodeRepository codes;
  private final ComplaintLimits limits;
  private final RatingService ratings;
  private final EmergencyTransfers emergencies;
  private final Clock clock;

  public ComplaintService(Pool pool, IntakeTickets intake, TicketService tickets, WebComplaintRepository repository,
      QueryCodeRepository codes, ComplaintLimits limits, RatingService ratings, EmergencyTransfers emergencies,
      Clock clock) {
    this.pool = pool;
    this.intake = intake;
    this.tickets = tickets;
    this.repository = repository;
    this.codes = codes;
    this.limits = limits;
    this.ratings = ratings;
    this.emergencies = emergencies;
    this.clock = clock;
  }

  /**
   * Creates the ticket and its query code; fails with {@link RateLimited} past the limits. A text
   * naming an emergency is still a ticket, and also an emergency transfer (operators alerted) in
   * the same transaction; the answer carries the emergency so the citizen is told to call at once.
   */
  public Future<Accepted> submit(NewTicket draft, String ip) {
    try {
      limits.takeSubmission(ip, draft.citizenPhone());
    } catch (RateLimited e) {
      return Future.failedFuture(e);
    }
    Actor citizen = new Actor("web:" + draft.citizenPhone(), Role.CITIZEN, null);
    EmergencyMatch emergency = emergencies.detect(draft.description()).orElse(null);
    intake.readAhead(draft, citizen);
    return intake.inTransaction(tx -> intake.createWithCode(tx, draft, citizen, new JsonObject().put("remote_ip", ip),
            t -> repository.insert(tx, t.id(), ip, clock.instant()))
        .compose(c -> {
          Accepted accepted = new Accepted(c.ticket().number(), c.queryCode(), emergency);
          return emergency == null ? Future.succeededFuture(accepted)
              : emergencies.fromWeb(tx, c.ticket().id(), c.ticket().number(), draft.citizenPhone(),
                  draft.description(), emergency).map(accepted);
        }));
  }

  /** The complaint with this number and code; {@link NotFound} when either is wrong. */
  public Future<Complaint> lookup(String number, String code, String ip) {
    return verified(number, code, ip).compose(t -> tickets.events(List.of(t.id()), Set.of("REPLY"))
        .compose(events -> ratings.roundOf(t.id())
            .map(round -> new Complaint(t, events.getOrDefault(t.id(), List.of()), round))));
  }

  /**
   * The citizen rates their concluded complaint on its status page: one rating per round, like a
   * reply to the prompt SMS (a second one, by either channel, is refused).
   */
  public Future<Complaint> rate(String number, String code, String ip, RatingLevel level, String comment) {
    return verified(number, code, ip).compose(t -> ratings.rateOnWeb(t, level, comment))
        .compose(stored -> lookupAfterRating(number));
  }

  private Future<Complaint> lookupAfterRating(String number) {
    return tickets.find(number).compose(found -> {
      Ticket t = found.orElseThrow();
      return tickets.events(List.of(t.id()), Set.of("REPLY")).compose(events -> ratings.roundOf(t.id())
          .map(round -> new Complaint(t, events.getOrDefault(t.id(), List.of()), round)));
    });
  }

  /** The ticket when number and code match; rate-limited per IP like every lookup. */
  private Future<Ticket> verified(String number, String code, String ip) {
    try {
      limits.takeLookup(ip);
    } catch (RateLimited e) {
      return Future.failedFuture(e);
    }
    return tickets.find(number).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(new NotFound(NOT_FOUND));
      }
      Ticket t = found.get();
      return codes.hashOf(pool, t.id()).compose(hash -> {
        if (hash.isEmpty() || !QueryCodes.matches(number, code, hash.get())) {
          return Future.failedFuture(new NotFound(NOT_FOUND));
        }
        return Future.succeededFuture(t);
      });
    });
  }
}
