package org.open12345.hotline.intake.sms;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * An inbound SMS as stored, with its outcome ({@code pending}, {@code ticket}, {@code rating}...)
 * and, for a reply a person settled, who did and when. {@code ticketNumber} is filled in from the
 * ticket feature, which owns it.
 */
public record InboundMessage(long id, String provider, String providerMessageId, String phone, String destination,
    String text, Instant receivedAt, Instant arrivedAt, String outcome, String detail, Long ticketId,
    String ticketNumber, Long ratingPromptId, Long ratingId, Instant settledAt, String settledBy, String settleNote) {

  public InboundMessage withTicketNumber(String number) {
    return new InboundMessage(id, provider, providerMessageId, phone, destination, text, receivedAt, arrivedAt,
        outcome, detail, ticketId, number, ratingPromptId, ratingId, settledAt, settledBy, settleNote);
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("provider", provider).put("provider_message_id", providerMessageId)
        .put("phone", phone).put("destination", destination).put("text", text)
        .put("received_at", receivedAt.toString()).put("arrived_at", arrivedAt.toString()).put("status", outcome)
        .put("detail", detail).put("ticket_number", ticketNumber).put("rating_prompt_id", ratingPromptId)
        .put("rating_id", ratingId).put("settled_at", settledAt == null ? null : settledAt.toString())
        .put("settled_by", settledBy).put("settle_note", settleNote);
  }
}
