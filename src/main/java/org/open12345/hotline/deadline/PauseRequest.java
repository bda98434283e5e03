package org.open12345.hotline.deadline;

import java.time.Instant;

/**
 * A department's request to stop its ticket's clock, and the centre's decision (a row of
 * pause_requests).
 *
 * @param status {@code pending}, {@code approved} or {@code refused}
 */
public record PauseRequest(
    long id,
    String ticketNumber,
    String departmentId,
    String requestedBy,
    PauseReason reason,
    String note,
    String status,
    String decidedBy,
    String decisionNote,
    Instant requestedAt,
    Instant decidedAt) {

  public boolean isPending() {
    return "pending".equals(status);
  }
}
