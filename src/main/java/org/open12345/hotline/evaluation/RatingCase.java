package org.open12345.hotline.evaluation;

import java.time.Instant;
import java.util.List;
import org.open12345.hotline.deadline.CaseDeadlines;
import org.open12345.hotline.deadline.Deadline;
import org.open12345.hotline.deadline.DeadlineKind;

/**
 * A 差评 follow-up case (差评核实整改) as stored: its state, its two deadlines, the callback, the
 * fix or explanation, the close, and the ratings (差评) it answers.
 *
 * @param closeReason {@code CONCLUDED} or {@code APPEAL_UPHELD}, null while open
 */
public record RatingCase(long id, long ticketId, String departmentId, RatingCaseStatus status, CallbackBy callbackBy,
    Instant openedAt, Instant callbackDueAt, Instant fixDueAt, List<Deadline> deadlines, Instant calledBackAt,
    String calledBackBy, Boolean citizenReached, Integer callAttempts, String citizenAccount, Boolean founded,
    String callbackNote, Instant fixedAt, String fixedBy, String fixText, Instant explainedAt, String explainedBy,
    String explanation, Long reRatePromptId, Instant closedAt, String closedBy, String closeReason, String closeNote,
    List<Long> ratingIds) {

  public static final String OWNER = "rating_case";

  public RatingCase {
    deadlines = List.copyOf(deadlines);
    ratingIds = List.copyOf(ratingIds);
  }

  /** Its deadlines as the ladder and the ticket's deadline view take them. */
  public CaseDeadlines clocks() {
    return new CaseDeadlines(OWNER, id, ticketId, departmentId,
        callbackBy == CallbackBy.CENTRE ? java.util.Set.of(DeadlineKind.CALLBACK) : java.util.Set.of(), deadlines,
        !status.isOpen());
  }
}
