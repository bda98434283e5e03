package org.open12345.hotline.intake.voice;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A call as the call log summarises it. {@code ticketNumber} is the ticket the call became
 * (voicemail) or that an operator recorded during it, filled in from the ticket feature.
 */
public record CallRecord(long id, String provider, String callId, String from, String to, String direction,
    boolean answered, String agent, String recordingUrl, String transcript, String digits, Instant startedAt,
    Instant endedAt, String outcome, String outcomeReason, Long ticketId, String ticketNumber) {

  public CallRecord withTicketNumber(String number) {
    return new CallRecord(id, provider, callId, from, to, direction, answered, agent, recordingUrl, transcript,
        digits, startedAt, endedAt, outcome, outcomeReason, ticketId, number);
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("provider", provider).put("call_id", callId).put("from", from)
        .put("to", to).put("direction", direction).put("answered", answered).put("agent", agent)
        .put("recording_url", recordingUrl).put("transcript", transcript).put("digits", digits)
        .put("started_at", startedAt == null ? null : startedAt.toString())
        .put("ended_at", endedAt == null ? null : endedAt.toString()).put("outcome", outcome)
        .put("outcome_reason", outcomeReason).put("ticket_number", ticketNumber);
  }
}
