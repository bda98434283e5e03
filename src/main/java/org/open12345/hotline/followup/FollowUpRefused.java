package org.open12345.hotline.followup;

import java.util.Map;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.problem.Problem;
import org.open12345.hotline.ticket.Ticket;

/** A follow-up (回访) the caller or the ticket's state does not allow; nothing was written. */
public final class FollowUpRefused extends Problem {
  private FollowUpRefused(Kind kind, String code, String message, Map<String, Object> details) {
    super(kind, code, message, details);
  }

  static FollowUpRefused role(Role role) {
    return new FollowUpRefused(Kind.FORBIDDEN, "forbidden_action",
        "role " + role + " (" + role.label() + ") may not record follow-ups; the centre's staff do", null);
  }

  static FollowUpRefused notDue(Ticket t) {
    return new FollowUpRefused(Kind.CONFLICT, "follow_up_not_due", "ticket " + t.number() + " is "
        + t.status() + " (" + t.status().label() + "); a follow-up comes after the department's reply (REPLIED)",
        Map.of("current_status", t.status().name()));
  }

  static FollowUpRefused questionPending(Ticket t, long id) {
    return new FollowUpRefused(Kind.CONFLICT, "question_pending",
        "ticket " + t.number() + " already has an SMS question waiting for its answer", Map.of("follow_up_id", id));
  }

  static FollowUpRefused notTextable(Ticket t) {
    return new FollowUpRefused(Kind.CONFLICT, "not_textable",
        "ticket " + t.number() + "'s citizen has no mobile number to text; follow up by phone", null);
  }
}
