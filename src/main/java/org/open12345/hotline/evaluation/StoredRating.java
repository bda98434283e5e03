package org.open12345.hotline.evaluation;

import java.time.Instant;

/**
 * A rating as stored, with its round, its case and its appeal.
 *
 * @param round the ticket's rating round it belongs to (null for a call rating without prompt)
 * @param status {@code counted}, {@code duplicate} or {@code late}
 * @param departmentId the department the ticket was with when rated
 * @param caseId the 差评 case it belongs to, or null
 * @param excludedAt when an upheld appeal removed it from every figure, or null
 * @param appeal its appeal, or null
 */
public record StoredRating(long id, Long ticketId, Long callPk, Long promptId, Integer round, Long inboundMessageId,
    RatingLevel level, String source, String rawText, String confidence, String matched, String comment,
    String settledBy, String status, String departmentId, Long caseId, Instant createdAt, Instant excludedAt,
    String excludedReason, RatingAppeal appeal) {}
