package org.open12345.hotline.ticket;

import java.util.HashMap;
import java.util.Map;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.problem.Problem;

/** A ticket change the state machine does not allow; the message names the state and action. */
public final class TransitionRefused extends Problem {
  public enum Reason {
    /** The role may never take this action (HTTP 403). */
    ROLE,
    /** The action exists but not from the ticket's current state (HTTP 409). */
    STATE,
    NOT_AN_ACTION
  }

  private final Reason reason;
  private final TicketStatus current;
  private final TicketAction action;

  public TransitionRefused(Reason reason, TicketStatus current, TicketAction action, Role role) {
    super(reason == Reason.ROLE ? Kind.FORBIDDEN : Kind.CONFLICT,
        reason == Reason.ROLE ? "forbidden_action" : "invalid_transition",
        message(reason, current, action, role), details(current, action));
    this.reason = reason;
    this.current = current;
    this.action = action;
  }

  private static Map<String, Object> details(TicketStatus current, TicketAction action) {
    Map<String, Object> d = new HashMap<>();
    d.put("current_status", current == null ? null : current.name());
    d.put("action", action.name());
    return d;
  }

  private static String message(Reason reason, TicketStatus current, TicketAction action, Role role) {
    return switch (reason) {
      case ROLE -> "role " + role + " (" + role.label() + ") may not " + action + " (" + action.label() + ") a ticket";
      case STATE -> "cannot " + action + " (" + action.label() + ") a ticket in state " + current + " ("
          + current.label() + ")";
      case NOT_AN_ACTION -> action + " is not a status change";
    };
  }

  public Reason reason() {
    return reason;
  }

  public TicketStatus current() {
    return current;
  }

  public TicketAction action() {
    return action;
  }
}
