package org.open12345.hotline.evaluation;

import io.vertx.sqlclient.Row;
import java.time.Instant;

/** A rating prompt as stored; {@code ticketNumber} is joined for events and messages. */
public record RatingPrompt(long id, long ticketId, String ticketNumber, String phone, Instant sentAt,
    Instant expiresAt) {

  static final String COLUMNS = "p.id, p.ticket_id, t.number, p.phone, p.sent_at, p.expires_at";

  static RatingPrompt from(Row r) {
    return new RatingPrompt(r.getLong(0), r.getLong(1), r.getString(2), r.getString(3),
        r.getOffsetDateTime(4).toInstant(), r.getOffsetDateTime(5).toInstant());
  }

  public boolean openAt(Instant now) {
    return now.isBefore(expiresAt);
  }
}
