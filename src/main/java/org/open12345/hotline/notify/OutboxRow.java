package org.open12345.hotline.notify;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A row of the outbox as stored, with its delivery state. */
public record OutboxRow(
    long id, String kind, String channel, String recipient, String subject, String textBody, String htmlBody,
    JsonObject metadata, String dedupeKey, Long ticketId, boolean toCitizen, String status, int attempts,
    Instant nextAttemptAt, String lastError, String providerId, String providerResponse, Instant createdAt,
    Instant sentAt) {

  static OutboxRow from(Row r) {
    Object md = r.getValue("metadata");
    return new OutboxRow(r.getLong("id"), r.getString("kind"), r.getString("channel"), r.getString("recipient"),
        r.getString("subject"), r.getString("text_body"), r.getString("html_body"),
        md instanceof JsonObject j ? j : new JsonObject(), r.getString("dedupe_key"), r.getLong("ticket_id"),
        r.getBoolean("to_citizen"), r.getString("status"), r.getInteger("attempts"),
        instant(r.getOffsetDateTime("next_attempt_at")), r.getString("last_error"), r.getString("provider_id"),
        r.getString("provider_response"), instant(r.getOffsetDateTime("created_at")),
        instant(r.getOffsetDateTime("sent_at")));
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  /** This row with {@code mask} applied to every text a citizen's contacts can appear in. */
  OutboxRow masked(java.util.function.UnaryOperator<String> mask) {
    return new OutboxRow(id, kind, channel, mask.apply(recipient), mask.apply(subject), mask.apply(textBody),
        mask.apply(htmlBody), new JsonObject(mask.apply(metadata.encode())), mask.apply(dedupeKey), ticketId, toCitizen,
        status, attempts, nextAttemptAt, lastError, providerId, providerResponse, createdAt, sentAt);
  }

  public OutboundMessage toMessage() {
    return new OutboundMessage(String.valueOf(id), kind, channel, recipient, subject, textBody, htmlBody, dedupeKey,
        metadata);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id).put("kind", kind).put("channel", channel).put("recipient", recipient)
        .put("subject", subject).put("text", textBody).put("dedupe_key", dedupeKey).put("ticket_id", ticketId)
        .put("to_citizen", toCitizen).put("status", status).put("attempts", attempts)
        .put("next_attempt_at", nextAttemptAt == null ? null : nextAttemptAt.toString())
        .put("last_error", lastError).put("provider_id", providerId).put("provider_response", providerResponse)
        .put("created_at", createdAt.toString()).put("sent_at", sentAt == null ? null : sentAt.toString());
  }
}
