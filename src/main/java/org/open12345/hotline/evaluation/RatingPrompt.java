package org.open12345.hotline.evaluation;

import java.time.Instant;

/** A rating prompt as stored: which ticket a reply from {@code phone} rates, until when. */
public record RatingPrompt(long id, long ticketId, String phone, Instant sentAt, Instant expiresAt) {

  public boolean openAt(Instant now) {
    return now.isBefore(expiresAt);
  }
}
