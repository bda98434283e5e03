package org.open12345.hotline.evaluation;

import java.time.Instant;

/**
 * A rating to store.
 *
 * @param ticketId the ticket rated (一事一评), or null for a call rating without a ticket
 * @param callPk the call rated (一次一评), or null
 * @param promptId the round rated (the prompt of a close or of a re-rating invitation), or null
 * @param source {@code sms}, {@code keypad} or {@code web}
 * @param confidence how sure the reading is: HIGH or MEDIUM (the parser), SETTLED (a person read
 *     it), null where nothing was read (web, keypad)
 * @param matched what the parser read in the text, or null
 * @param comment the citizen's comment on the web, or null
 * @param settledBy who settled an unparsed reply as this rating, or null
 * @param at when the citizen rated: null = now; a settled reply keeps the time it arrived
 */
public record NewRating(Long ticketId, Long callPk, Long promptId, Long inboundMessageId, RatingLevel level,
    String source, String rawText, String confidence, String matched, String comment, String settledBy,
    Instant at) {

  /** A rating read by the parser or the keypad, at the time it is stored. */
  public NewRating(Long ticketId, Long callPk, Long promptId, Long inboundMessageId, RatingLevel level, String source,
      String rawText, String confidence) {
    this(ticketId, callPk, promptId, inboundMessageId, level, source, rawText, confidence, null, null, null, null);
  }
}
