package org.open12345.hotline.intake.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.evaluation.RatingLevel;
import org.open12345.hotline.evaluation.RatingService;
import org.open12345.hotline.intake.EmergencyMatch;
import org.open12345.hotline.intake.EmergencyTransfers;
import org.open12345.hotline.intake.IntakeTickets;
import org.open12345.hotline.intake.QueryCodeRepository;
import org.open12345.hotline.intake.QueryCodes;
import org.open12345.hotline.intake.idempotency.KeyedSubmissions;
import org.open12345.hotline.intake.idempotency.SubmissionKey;
import org.open12345.hotline.intake.idempotency.SubmissionKeyBusy;
import org.open12345.hotline.intake.idempotency.SubmissionKeyRepository;
import org.open12345.hotline.intake.idempotency.SubmissionKeyReused;
import org.open12345.hotline.intake.idempotency.SubmissionKeyTaken;
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
   * A complaint that was accepted: its number, the plain query code (shown once, or again to the
   * holder of its idempotency key) and the emergency its text names, if any (null otherwise): the
   * citizen must be told at once to call that number. {@code replayed}: this answer repeats the one
   * given to an earlier submission with the same key; nothing new was stored.
   */
  public record Accepted(String number, String code, EmergencyMatch emergency, boolean replayed) {}

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
  private final KeyedSubmissions keyed;
  private final ComplaintLimits limits;
  private final RatingService ratings;
  private final EmergencyTransfers emergencies;
  private final Clock clock;

  public ComplaintService(Pool pool, IntakeTickets intake, TicketService tickets, WebComplaintRepository repository,
      QueryCodeRepository codes, KeyedSubmissions keyed, ComplaintLimits limits, RatingService ratings,
      EmergencyTransfers emergencies, Clock clock) {
    this.pool = pool;
    this.intake = intake;
    this.tickets = tickets;
    this.repository = repository;
    this.codes = codes;
    this.keyed = keyed;
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
    return submit(draft, ip, null);
  }

  /**
   * As {@link #submit(NewTicket, String)}; with an idempotency key (null: none), a key already
   * claimed with the same content answers its ticket again ({@link Accepted#replayed()}), with
   * other content fails with {@link SubmissionKeyReused}. A copy sent while the first is still
   * being stored on this instance waits for it and gets its answer; while another instance (or a
   * transaction whose connection was lost) has it, it fails with {@link SubmissionKeyBusy}. Only
   * a new ticket counts as a submission: a copy gives back what it took, and a copy over the
   * limits is still answered (looking the key up then counts against the per-address lookup limit).
   */
  public Future<Accepted> submit(NewTicket draft, String ip, SubmissionKey key) {
    EmergencyMatch emergency = emergencies.detect(draft.description()).orElse(null);
    if (key == null) {
      try {
        limits.takeSubmission(ip, draft.citizenPhone());
      } catch (RateLimited e) {
        return Future.failedFuture(e);
      }
      return create(draft, ip, emergency, QueryCodes.generate(), (tx, t) -> Future.succeededFuture());
    }
    byte[] salt = SubmissionKey.newSalt();
    // the first answer again: same number, same code (derived from the key, never stored)
    Function<SubmissionKeyRepository.Claimed, Accepted> replay =
        stored -> new Accepted(stored.ticketNumber(), key.queryCode(stored.codeSalt()), emergency, true);
    return keyed.submit(key, salt, replay, claim -> {
      try {
        limits.takeSubmission(ip, draft.citizenPhone());
      } catch (RateLimited limited) {
        return storedOrRefused(key, replay, ip, limited);
      }
      return create(draft, ip, emergency, key.queryCode(salt), claim).recover(e -> {
        if (e instanceof SubmissionKeyTaken || e instanceof SubmissionKeyBusy) {
          limits.giveBackSubmission(ip, draft.citizenPhone());
        }
        return Future.failedFuture(e);
      });
    });
  }

  /** Over the limits, a copy of a complaint stored before is still answered; anything else is refused. */
  private Future<Accepted> storedOrRefused(SubmissionKey key, Function<SubmissionKeyRepository.Claimed, Accepted> replay,
      String ip, RateLimited limited) {
    try {
      limits.takeLookup(ip);
    } catch (RateLimited e) {
      return Future.failedFuture(e);
    }
    return keyed.stored(key, replay)
        .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(limited)));
  }

  private Future<Accepted> create(NewTicket draft, String ip, EmergencyMatch emergency, String code,
      KeyedSubmissions.KeyClaim claim) {
    Actor citizen = new Actor("web:" + draft.citizenPhone(), Role.CITIZEN, null);
    intake.readAhead(draft, citizen);
    return intake.inTransaction(tx -> intake.createWithCode(tx, draft, citizen, new JsonObject().put("remote_ip", ip),
            code, t -> Future.all(repository.insert(tx, t.id(), ip, clock.instant()), claim.in(tx, t)))
        .compose(c -> {
          Accepted accepted = new Accepted(c.ticket().number(), c.queryCode(), emergency, false);
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
