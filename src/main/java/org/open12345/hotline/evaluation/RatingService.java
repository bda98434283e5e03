package org.open12345.hotline.evaluation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.problem.NotFound;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketEventRepository;
import org.open12345.hotline.ticket.TicketService;

/**
 * Stores ratings and their ticket events, in the caller's transaction (the one that claimed the
 * SMS or call event), and reads them back. Only the first answer to a prompt (a rating round) or
 * call counts; a later one is kept as {@code duplicate} and logged, never silently replacing the
 * first. A counted 差评 is flagged {@code follow_up_required} with a {@code BAD_RATING} event
 * naming the 48-hour callback due time (seed article 34) and opens, or joins, the ticket's
 * follow-up case ({@link RatingCases}) in the same transaction.
 */
public final class RatingService {
  public static final Duration BAD_RATING_CALLBACK = Duration.ofHours(48);

  /** How a stored rating counts. */
  public enum Status { COUNTED, DUPLICATE, LATE }

  /** The stored row. */
  public record Stored(long id, Status status) {}

  /**
   * An answer as stored, and the level that counts for its prompt or call: its own when it is the
   * first, the earlier answer's when it is a duplicate.
   */
  public record Answer(Stored stored, RatingLevel counted) {
    public boolean isFirst() {
      return stored.status() == Status.COUNTED;
    }
  }

  /**
   * A ticket's rating round as its citizen's web page shows it.
   *
   * @param round null when the ticket has none (not closed yet)
   * @param rated the level counted in this round, or null
   */
  public record Round(Integer round, boolean open, Instant expiresAt, RatingLevel rated) {}

  /** A ticket's ratings and 差评 cases. */
  public record TicketRatings(Ticket ticket, List<StoredRating> ratings, List<RatingCase> cases) {}

  private final Pool pool;
  private final RatingRepository repository;
  private final RatingPromptRepository prompts;
  private final RatingCaseRepository caseRepository;
  private final RatingCases cases;
  private final RatingOptOuts optOuts;
  private final TicketService tickets;
  private final Clock clock;

  public RatingService(Pool pool, RatingRepository repository, RatingPromptRepository prompts,
      RatingCaseRepository caseRepository, RatingCases cases, RatingOptOuts optOuts, TicketService tickets,
      Clock clock) {
    this.pool = pool;
    this.repository = repository;
    this.prompts = prompts;
    this.caseRepository = caseRepository;
    this.cases = cases;
    this.optOuts = optOuts;
    this.tickets = tickets;
    this.clock = clock;
  }

  /**
   * An answer to an open prompt or to a call's keypad prompt: counted when it is the first, else
   * kept as duplicate. The caller holds the prompt's (or call's) lock, so two answers arriving
   * together are decided one after the other.
   */
  public Future<Answer> answer(SqlConnection tx, NewRating r) {
    return counted(tx, r).compose(existing -> store(tx, r, existing));
  }

  /**
   * As {@link #answer}, for a call whose outcome is decided again on each of its events: the
   * level already counted is the same keypad answer seen again, and stores nothing.
   */
  public Future<Optional<Answer>> answerOnce(SqlConnection tx, NewRating r) {
    return counted(tx, r).compose(existing -> existing == r.level()
        ? Future.succeededFuture(Optional.<Answer>empty())
        : store(tx, r, existing).map(Optional::of));
  }

  /** An answer after the prompt expired: kept, never counted. */
  public Future<Stored> late(SqlConnection tx, NewRating r) {
    return store(tx, r, Status.LATE);
  }

  /**
   * A person read an unparsed SMS reply as {@code level} for ticket {@code t} (POST
   * /api/inbound/{id}/settle), in the transaction that marks the message settled. It rates the
   * ticket's round that was open for this phone when the reply arrived, as of that time.
   *
   * @throws RatingCaseRefused (409) when the ticket had no round open for this phone then, or that
   *     round is already rated
   */
  public Future<Stored> settle(SqlConnection tx, Ticket t, String phone, Instant arrivedAt, RatingLevel level,
      String text, long inboundMessageId, Actor actor) {
    return prompts.lockLatestOfTicket(tx, t.id()).compose(p -> {
      RatingPrompt round = p.filter(x -> x.phone().equals(phone) && !x.sentAt().isAfter(arrivedAt)
          && x.openAt(arrivedAt)).orElseThrow(() -> RatingCaseRefused.conflict("no_open_round",
              "工单" + t.number() + "在该短信到达时没有向此号码开放的评价（no rating round of this ticket was open for "
                  + "this phone when the reply arrived）"));
      return repository.countedForPrompt(tx, round.id()).compose(existing -> {
        if (existing != null) {
          throw RatingCaseRefused.conflict("already_rated",
              "工单" + t.number() + "本轮已有评价（this round is already rated: " + existing.label() + "）");
        }
        return store(tx, new NewRating(t.id(), null, round.id(), inboundMessageId, level, "sms", text, "SETTLED",
            null, null, actor.id(), arrivedAt), Status.COUNTED);
      });
    });
  }

  /**
   * The citizen rates on their status page (number + query code already checked by the caller):
   * one rating per round, whatever the channel, only while the round is open. Rating on the web
   * also resumes the prompts of a phone that had opted out.
   *
   * @throws RatingCaseRefused (409) when the ticket has no open round or the round is rated
   */
  public Future<Stored> rateOnWeb(Ticket ticket, RatingLevel level, String comment) {
    Instant now = clock.instant();
    return pool.withTransaction(tx -> prompts.lockLatestOfTicket(tx, ticket.id()).compose(p -> {
      if (p.isEmpty() || !ticket.status().terminal()) {
        throw RatingCaseRefused.conflict("not_rateable", "工单办结后才能评价（the ticket is not concluded yet）");
      }
      RatingPrompt round = p.get();
      if (!round.openAt(now)) {
        throw RatingCaseRefused.conflict("rating_round_closed", "评价期限已过（the rating window closed at "
            + round.expiresAt() + "）");
      }
      return repository.countedForPrompt(tx, round.id()).compose(existing -> {
        if (existing != null) {
          throw RatingCaseRefused.conflict("already_rated", "您已评价过（already rated: " + existing.label() + "）");
        }
        return store(tx, new NewRating(ticket.id(), null, round.id(), null, level, "web", null, null, null, comment,
            null, now), Status.COUNTED)
            .compose(stored -> optOuts.resumeOnWeb(tx, ticket.citizenPhone()).map(stored));
      });
    }));
  }

  /** The ticket's current round as its citizen's page shows it. */
  public Future<Round> roundOf(long ticketId) {
    Instant now = clock.instant();
    return prompts.latestOfTicket(pool, ticketId).compose(p -> p.isEmpty()
        ? Future.succeededFuture(new Round(null, false, null, null))
        : repository.countedForPrompt(pool, p.get().id())
            .map(level -> new Round(p.get().round(), p.get().openAt(now), p.get().expiresAt(), level)));
  }

  /** A ticket's ratings (every source and status) and cases; another department's ticket is not found. */
  public Future<TicketRatings> ofTicket(String number, Actor actor) {
    return tickets.find(number).compose(found -> {
      Ticket t = found.filter(x -> actor.sees(x.departmentId()))
          .orElseThrow(() -> new NotFound("no ticket " + number));
      return repository.ofTicket(pool, t.id()).compose(rs -> caseRepository.ofTicket(pool, t.id())
          .map(cs -> new TicketRatings(t, rs, cs)));
    });
  }

  /** Ratings by the filter, newest first, within what the actor sees. */
  public Future<Numbered<StoredRating>> list(RatingRepository.Filter filter) {
    return pool.withTransaction(tx -> repository.list(tx, filter)).compose(this::numbered);
  }

  /** The appeals waiting for a supervisor, the one waiting longest first, a page at a time. */
  public Future<Numbered<StoredRating>> pendingAppeals(Actor actor, int page, int size) {
    return repository.pendingAppeals(pool, actor.scope(), size, (long) page * size).compose(this::numbered);
  }

  private Future<Numbered<StoredRating>> numbered(List<StoredRating> list) {
    List<Long> ids = list.stream().map(StoredRating::ticketId).filter(Objects::nonNull).distinct().toList();
    return tickets.findAll(ids).map(ts -> {
      Map<Long, String> numbers = new HashMap<>();
      ts.forEach(t -> numbers.put(t.id(), t.number()));
      return new Numbered<>(list, numbers);
    });
  }

  /** The departments a caller sees, for the list's filter. */
  public static List<String> scopeOf(Actor actor) {
    return actor.scope();
  }

  private Future<RatingLevel> counted(SqlConnection tx, NewRating r) {
    if (r.promptId() != null) {
      return repository.countedForPrompt(tx, r.promptId());
    }
    if (r.callPk() != null) {
      return repository.countedForCall(tx, r.callPk());
    }
    return Future.failedFuture(new IllegalArgumentException("a rating answers a prompt or a call"));
  }

  /** Stores the answer as counted when {@code existing} (the counted level) is null, else as duplicate. */
  private Future<Answer> store(SqlConnection tx, NewRating r, RatingLevel existing) {
    Status status = existing == null ? Status.COUNTED : Status.DUPLICATE;
    return store(tx, r, status).map(stored -> new Answer(stored, existing == null ? r.level() : existing));
  }

  private Future<Stored> store(SqlConnection tx, NewRating r, Status status) {
    Instant now = r.at() == null ? clock.instant() : r.at();
    boolean followUp = status == Status.COUNTED && r.level().isBad();
    Future<Ticket> ticket = r.ticketId() == null ? Future.succeededFuture(null)
        : tickets.repository().findByIds(tx, List.of(r.ticketId())).map(list -> list.isEmpty() ? null : list.get(0));
    return ticket.compose(t -> repository.insert(tx, r, status, followUp, t == null ? null : t.departmentId(), now)
        .compose(id -> {
          Stored stored = new Stored(id, status);
          if (t == null) {
            return Future.succeededFuture(stored);
          }
          Actor citizen = new Actor("citizen", Role.CITIZEN, null);
          JsonObject details = new JsonObject().put("rating_id", id).put("level", r.level().name())
              .put("level_label", r.level().label()).put("source", r.source()).put("status", status.name())
              .put("text", r.rawText());
          if (r.settledBy() != null) {
            details.put("settled_by", r.settledBy());
          }
          if (r.comment() != null) {
            details.put("comment", r.comment());
          }
          String action = switch (status) {
            case COUNTED -> "RATE";
            case DUPLICATE -> "RATE_DUPLICATE";
            case LATE -> "RATE_LATE";
          };
          Future<Void> f = TicketEventRepository.append(tx, t.id(), now, citizen, action, null, null, details);
          if (followUp) {
            f = f.compose(v -> TicketEventRepository.append(tx, t.id(), now, Actor.SYSTEM, "BAD_RATING", null, null,
                    new JsonObject().put("rating_id", id).put("level", r.level().name())
                        .put("follow_up_required", true)
                        .put("callback_due", now.plus(BAD_RATING_CALLBACK).toString())))
                .compose(v -> cases.onBadRating(tx, t, id, now).mapEmpty());
          }
          return f.map(stored);
        }));
  }
}
