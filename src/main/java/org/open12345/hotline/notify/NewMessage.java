package org.open12345.hotline.notify;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * A message to put in the outbox, already rendered.
 *
 * @param dedupeKey the same key twice makes one message: derive it from what the message is
 *     about (e.g. {@code ack-sms:20261127000123}), never from time
 * @param ticketId the ticket it is about, or null
 * @param toCitizen citizen SMS wait for the end of quiet hours and obey the per-phone cap
 */
public record NewMessage(
    String kind,
    String channel,
    String recipient,
    String subject,
    String textBody,
    String htmlBody,
    String dedupeKey,
    JsonObject metadata,
    Long ticketId,
    boolean toCitizen) {

  public NewMessage {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(textBody, "textBody");
    Objects.requireNonNull(dedupeKey, "dedupeKey");
    metadata = metadata == null ? new JsonObject() : metadata;
  }
}
