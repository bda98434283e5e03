package org.open12345.hotline.evaluation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.ticket.TicketEventRepository;

/**
 * Stores ratings and their ticket events, in the caller's transaction (the one that claimed the
 * SMS or call event). Only the first answer to a prompt (or call) counts; a later one is kept as
 * {@code duplicate} and logged, never silently replacing the first. A 差评 is flagged
 * {@code follow_up_required} with a {@code BAD_RATING} event naming the 48-hour callback due time
 * (seed article 34); the follow-up workflow itself comes later.
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

  private final RatingRepository repository;
  private final Clock clock;

  public RatingService(RatingRepository repository, Clock clock) {
    this.repository = repository;
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
    Instant now = clock.instant();
    boolean followUp = status == Status.COUNTED && r.level().isBad();
    return repository.insert(tx, r, status, followUp, now).compose(id -> {
      Stored stored = new Stored(id, status);
      if (r.ticketId() == null) {
        return Future.succeededFuture(stored);
      }
      Actor citizen = new Actor("citizen", Role.CITIZEN, null);
      JsonObject details = new JsonObject().put("rating_id", id).put("level", r.level().name())
          .put("level_label", r.level().label()).put("source", r.source()).put("status", status.name())
          .put("text", r.rawText());
      String action = switch (status) {
        case COUNTED -> "RATE";
        case DUPLICATE -> "RATE_DUPLICATE";
        case LATE -> "RATE_LATE";
      };
      Future<Void> f = TicketEventRepository.append(tx, r.ticketId(), now, citizen, action, null, null, details);
      if (followUp) {
        f = f.compose(v -> TicketEventRepository.append(tx, r.ticketId(), now, Actor.SYSTEM, "BAD_RATING", null, null,
            new JsonObject().put("rating_id", id).put("level", r.level().name())
                .put("follow_up_required", true)
                .put("callback_due", now.plus(BAD_RATING_CALLBACK).toString())));
      }
      return f.map(stored);
    });
  }
}
