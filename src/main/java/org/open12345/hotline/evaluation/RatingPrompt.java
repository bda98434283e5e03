package org.open12345.hotline.evaluation;

import java.time.Instant;

/**
 * A rating prompt as stored: a rating round of a ticket (one at each close, one at each re-rating
 * invitation after a fix), which a reply from {@code phone}, or the citizen's web page, rates
 * until {@code expiresAt}.
 *
 * @param round 1 for the ticket's first, counting up
 */
public record RatingPrompt(long id, long ticketId, String phone, Instant sentAt, Instant expiresAt, int round) {

  public boolean openAt(Instant now) {
    return now.isBefore(expiresAt);
  }
}
