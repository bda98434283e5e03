package org.open12345.hotline.ticket;

import static org.open12345.hotline.auth.Role.*;
import static org.open12345.hotline.ticket.TicketStatus.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.open12345.hotline.auth.Role;

/**
 * The one place that says which action each role may take in which state, and where it leads.
 * Everything that changes a ticket's status asks here first.
 */
public final class TicketStateMachine {

  /** One allowed move: who may do it, from which states, and the state it leads to. */
  record Rule(Set<Role> roles, Set<TicketStatus> from, TicketStatus to) {}

  private static final Map<TicketAction, Rule> RULES = new EnumMap<>(TicketAction.class);

  static {
    rule(TicketAction.ANSWER_ON_SPOT, roles(OPERATOR), states(RECEIVED), ANSWERED);
    // Re-dispatch from DISPATCHED/SIGNED is the centre moving a ticket it routed wrongly.
    rule(TicketAction.DISPATCH, roles(OPERATOR, DISPATCHER, SYSTEM), states(RECEIVED, RETURNED, DISPATCHED, SIGNED),
        DISPATCHED);
    rule(TicketAction.SIGN, roles(DEPARTMENT), states(DISPATCHED, REOPENED), SIGNED);
    // Contact keeps the state: it records the first contact that the respond deadline measures.
    rule(TicketAction.CONTACT, roles(DEPARTMENT), states(SIGNED), SIGNED);
    rule(TicketAction.RETURN, roles(DEPARTMENT), states(DISPATCHED, SIGNED), RETURNED);
    // The ruling on a return that sends it back to the same department (终审); re-dispatching
    // elsewhere is a DISPATCH.
    rule(TicketAction.REJECT_RETURN, roles(DISPATCHER, SUPERVISOR), states(RETURNED), DISPATCHED);
    rule(TicketAction.REPLY, roles(DEPARTMENT), states(SIGNED), REPLIED);
    rule(TicketAction.CLOSE, roles(DISPATCHER, SUPERVISOR, SYSTEM), states(REPLIED), CLOSED);
    rule(TicketAction.REOPEN, roles(DISPATCHER, SUPERVISOR, SYSTEM), states(REPLIED, CLOSED), REOPENED);
    rule(TicketAction.MERGE, roles(DISPATCHER, SUPERVISOR), states(RECEIVED, DISPATCHED, SIGNED, RETURNED), MERGED);
    rule(TicketAction.STOP, roles(DISPATCHER, SUPERVISOR), states(RECEIVED, DISPATCHED, SIGNED, RETURNED, REOPENED),
        STOPPED);
  }

  private TicketStateMachine() {}

  /**
   * The state {@code action} leads to from {@code current}, when {@code role} may take it.
   *
   * @throws TransitionRefused saying whether the role or the state is the reason
   */
  public static TicketStatus next(TicketStatus current, TicketAction action, Role role) {
    Rule r = RULES.get(action);
    if (r == null) {
      throw new TransitionRefused(TransitionRefused.Reason.NOT_AN_ACTION, current, action, role);
    }
    if (!r.roles().contains(role)) {
      throw new TransitionRefused(TransitionRefused.Reason.ROLE, current, action, role);
    }
    if (!r.from().contains(current)) {
      throw new TransitionRefused(TransitionRefused.Reason.STATE, current, action, role);
    }
    return r.to();
  }

  /** Actions {@code role} may take now; lets a screen show only the buttons that work. */
  public static Set<TicketAction> allowed(TicketStatus current, Role role) {
    Set<TicketAction> out = EnumSet.noneOf(TicketAction.class);
    RULES.forEach((a, r) -> {
      if (r.roles().contains(role) && r.from().contains(current)) {
        out.add(a);
      }
    });
    return out;
  }

  private static void rule(TicketAction a, Set<Role> roles, Set<TicketStatus> from, TicketStatus to) {
    RULES.put(a, new Rule(roles, from, to));
  }

  private static Set<Role> roles(Role... r) {
    return EnumSet.of(r[0], r);
  }

  private static Set<TicketStatus> states(TicketStatus... s) {
    return EnumSet.of(s[0], s);
  }
}
