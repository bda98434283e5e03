package org.open12345.hotline.evaluation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.ticket.TicketEventRepository;

/**
 * Stores ratings and their ticket events. Only the first answer to a prompt (or call) counts; a
 * later one is kept as {@code duplicate} and logged, never silently replacing the first. A 差评 is
 * flagged {@code follow_up_required} with a {@code BAD_RATING} event naming the 48-hour callback
 * due time (seed article 34); the follow-up workflow itself comes later.
 */
public final class Ratings {
  public static final Duration BAD_RATING_CALLBACK = Duration.ofHours(48);

  /** How a stored rating counts. */
  public enum Status { COUNTED, DUPLICATE, LATE }

  /** The stored row. */
  public record Stored(long id, Status status) {}

  private final Clock clock;

  public Ratings(Clock clock) {
    this.clock = clock;
  }

  /** Whether the prompt or call already has a counted rating (its level), decided under the caller's lock. */
  public static Future<RatingLevel> counted(SqlConnection tx, Long promptId, Long callPk) {
    String where = promptId != null ? "prompt_id = $1" : "call_pk = $1";
    return tx.preparedQuery("SELECT level FROM ratings WHERE " + where + " AND status = 'counted'")
        .execute(Tuple.of(promptId != null ? promptId : callPk))
        .map(rows -> rows.size() == 0 ? null : RatingLevel.valueOf(rows.iterator().next().getString(0)));
  }

  public Future<Stored> store(SqlConnection tx, NewRating r, Status status) {
    Instant now = clock.instant();
    boolean counted = status == Status.COUNTED;
    boolean followUp = counted && r.level().isBad();
    return tx.preparedQuery("INSERT INTO ratings (ticket_id, call_pk, prompt_id, inbound_message_id, level, source, "
            + "raw_text, confidence, status, bad, follow_up_required, created_at) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id")
        .execute(Tuple.from(new Object[] {r.ticketId(), r.callPk(), r.promptId(), r.inboundMessageId(),
            r.level().name(), r.source(), r.rawText(), r.confidence(), status.name().toLowerCase(),
            r.level().isBad(), followUp, now.atOffset(ZoneOffset.UTC)}))
        .compose(rows -> {
          long id = rows.iterator().next().getLong(0);
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
