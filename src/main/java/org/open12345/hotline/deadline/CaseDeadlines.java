package org.open12345.hotline.deadline;

import java.util.List;
import java.util.Set;

/**
 * Deadlines another feature keeps about a ticket outside its policy's clocks (today: a 差评
 * follow-up case's CALLBACK and FIX), planned on the same escalation ladder as the ticket's own
 * and shown with them in the ticket's deadline view.
 *
 * @param owner what the deadlines belong to, e.g. {@code rating_case}
 * @param ownerId its id
 * @param departmentId the department that must act on them, unless the centre does
 * @param centreActs the kinds the centre acts on (their steps go to the supervisors)
 * @param ended the owner ended: a deadline not met by then no longer runs and has no more steps
 */
public record CaseDeadlines(String owner, long ownerId, long ticketId, String departmentId, Set<DeadlineKind> centreActs,
    List<Deadline> deadlines, boolean ended) {

  public CaseDeadlines {
    centreActs = Set.copyOf(centreActs);
    deadlines = List.copyOf(deadlines);
  }

  /** The name of the owner's ladder plan and the prefix of its step keys, e.g. {@code rating_case:17}. */
  public String plan() {
    return owner + ":" + ownerId;
  }

  /** The department that acts on a deadline of this kind, or null when the centre does. */
  public String actingDepartment(DeadlineKind kind) {
    return centreActs.contains(kind) ? null : departmentId;
  }
}
