package org.open12345.hotline.evaluation;

/**
 * A rating to store.
 *
 * @param ticketId the ticket rated (一事一评), or null for a call rating without a ticket
 * @param callPk the call rated (一次一评), or null
 * @param source {@code sms}, {@code keypad} or {@code web}
 */
public record NewRating(Long ticketId, Long callPk, Long promptId, Long inboundMessageId, RatingLevel level,
    String source, String rawText, String confidence) {}
