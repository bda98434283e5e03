package org.open12345.hotline.evaluation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.open12345.hotline.notify.NewMessage;
import org.open12345.hotline.notify.Outbox;
import org.open12345.hotline.notify.template.MessageTemplates;
import org.open12345.hotline.ticket.Ticket;

/**
 * Rating prompts (评价短信): written together with the prompt SMS, so a reply can be matched to the
 * ticket it rates. {@link RatingPromptOnClose} calls {@link #open} when a ticket closes; the SMS
 * webhook asks {@link #latestFor} which prompt a reply answers.
 */
public final class RatingPromptService {
  private final RatingPromptRepository repository;
  private final Outbox outbox;
  private final MessageTemplates templates;
  private final Duration replyWindow;
  private final Clock clock;

  public RatingPromptService(RatingPromptRepository repository, Outbox outbox, MessageTemplates templates,
      Duration replyWindow, Clock clock) {
    this.repository = repository;
    this.outbox = outbox;
    this.templates = templates;
    this.replyWindow = replyWindow;
    this.clock = clock;
  }

  /** Writes the prompt and queues its SMS in the caller's transaction; returns the prompt id. */
  public Future<Long> open(SqlConnection tx, Ticket ticket, String phone) {
    Instant now = clock.instant();
    return repository.insert(tx, ticket.id(), phone, now, now.plus(replyWindow)).compose(id -> {
      String text = templates.render("sms/rating-prompt", Map.of("ticketNo", ticket.number())).text();
      return outbox.enqueue(tx, new NewMessage("rating-prompt", "sms", phone, null, text, null,
              "rating-prompt:" + id, new JsonObject().put("prompt_id", id)
                  .put("vars", new JsonObject().put("ticketNo", ticket.number())),
              ticket.id(), true))
          .map(id);
    });
  }

  /**
   * The phone's latest prompt, locked until the transaction ends so two replies arriving together
   * are decided one after the other (the second sees the first's rating).
   */
  public Future<Optional<RatingPrompt>> latestFor(SqlConnection tx, String phone) {
    return repository.lockLatestFor(tx, phone);
  }
}
