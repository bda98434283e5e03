package org.open12345.hotline.returns;

import java.time.Instant;

/**
 * One return (退单) and the centre's ruling on it (a row of ticket_returns).
 *
 * @param reason the reason's id; {@code reasonLabel} its name as the rule files gave it then
 * @param rulingDueAt when the centre must have ruled (the ticket's ruling deadline), or null when
 *     the ticket had no deadlines
 * @param status {@code pending} or {@code ruled}
 * @param decision once ruled: {@code redispatch}, {@code send_back}, {@code stopped} or {@code merged}
 * @param redispatchedTo the department a re-dispatch sent it to
 */
public record TicketReturn(
    long id,
    String ticketNumber,
    String departmentId,
    String returnedBy,
    String reason,
    String reasonLabel,
    String note,
    Instant returnedAt,
    Instant rulingDueAt,
    String status,
    String decision,
    String redispatchedTo,
    String ruledBy,
    String rulingNote,
    Instant ruledAt) {

  public static final String SEND_BACK = "send_back";
  public static final String REDISPATCH = "redispatch";

  public boolean isPending() {
    return "pending".equals(status);
  }

  /** The centre ruled the ticket was the department's after all: the return counts against it. */
  public boolean countedAgainstDepartment() {
    return SEND_BACK.equals(decision);
  }

  /** Ruled by the ruling deadline; null while pending or without one. */
  public Boolean ruledInTime() {
    return ruledAt == null || rulingDueAt == null ? null : !ruledAt.isAfter(rulingDueAt);
  }
}
