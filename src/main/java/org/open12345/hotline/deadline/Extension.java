package org.open12345.hotline.deadline;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One 延期 request and its decision (a row of deadline_extensions).
 *
 * @param span the extension asked as a span ({@code 5wd}, {@code 72h}), or null
 * @param until the extension asked as a last day, or null (exactly one of span and until is set)
 * @param status {@code pending}, {@code approved} or {@code refused}
 * @param newResolveBy set on approval
 */
public record Extension(
    long id,
    String departmentId,
    String requestedBy,
    String span,
    LocalDate until,
    String reason,
    String status,
    Instant oldResolveBy,
    Instant newResolveBy,
    String decidedBy,
    String decisionReason,
    Instant requestedAt,
    Instant decidedAt) {

  public boolean isPending() {
    return "pending".equals(status);
  }
}
