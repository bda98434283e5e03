package org.open12345.hotline.evaluation;

import java.time.Instant;

/**
 * A department's appeal (申诉复核) of a 差评, and the supervisor's decision.
 *
 * @param status {@code PENDING}, {@code UPHELD} (the rating is excluded from every figure) or {@code REJECTED}
 */
public record RatingAppeal(long id, long ratingId, long ticketId, String departmentId, String appealedBy,
    String reason, String evidence, Instant appealedAt, Instant windowEndsAt, String status, String decidedBy,
    Instant decidedAt, String decisionReason) {}
