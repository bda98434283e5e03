package org.open12345.hotline.evaluation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.open12345.hotline.notify.NewMessage;
import org.open12345.hotline.notify.Outbox;
import org.open12345.hotline.notify.template.MessageTemplates;
import org.open12345.hotline.ticket.Ticket;

/**
 * Rating prompts (评价短信): written together with the prompt SMS, so a reply can be matched to the
 * ticket it rates. The evaluation feature calls {@link #open} when a ticket closes.
 */
public final class RatingPrompts {
  private final Outbox outbox;
  private final MessageTemplates templates;
  private final Duration replyWindow;
  private final Clock clock;

  public RatingPrompts(Outbox outbox, MessageTemplates templates, Duration replyWindow, Clock clock) {
    this.outbox = outbox;
    this.templates = templates;
    this.replyWindow = replyWindow;
    this.clock = clock;
  }

  /** Writes the prompt and queues its SMS in the caller's transaction; returns the prompt id. */
  public Future<Long> open(SqlConnection tx, Ticket ticket, String phone) {
    Instant now = clock.instant();
    return tx.preparedQuery("INSERT INTO rating_prompts (ticket_id, phone, sent_at, expires_at) "
            + "VALUES ($1, $2, $3, $4) RETURNING id")
        .execute(Tuple.of(ticket.id(), phone, now.atOffset(ZoneOffset.UTC),
            now.plus(replyWindow).atOffset(ZoneOffset.UTC)))
        .compose(rows -> {
          long id = rows.iterator().next().getLong(0);
          String text = templates.render("sms/rating-prompt", Map.of("ticketNo", ticket.number())).text();
          return outbox.enqueue(tx, new NewMessage("rating-prompt", "sms", phone, null, text, null,
                  "rating-prompt:" + id, new JsonObject().put("prompt_id", id).put("vars", new JsonObject().put("ticketNo", ticket.number())),
                  ticket.id(), true))
              .map(id);
        });
  }

  /**
   * The phone's latest prompt, locked until the transaction ends so two replies arriving together
   * are decided one after the other (the second sees the first's rating).
   */
  public static Future<Optional<RatingPrompt>> latestFor(SqlConnection tx, String phone) {
    return tx.preparedQuery("SELECT " + RatingPrompt.COLUMNS + " FROM rating_prompts p JOIN tickets t "
            + "ON t.id = p.ticket_id WHERE p.phone = $1 ORDER BY p.sent_at DESC, p.id DESC LIMIT 1 FOR UPDATE OF p")
        .execute(Tuple.of(phone))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(RatingPrompt.from(rows.iterator().next())));
  }
}
