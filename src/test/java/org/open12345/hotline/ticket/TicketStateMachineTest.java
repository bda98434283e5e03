package org.open12345.hotline.ticket;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.auth.Role.*;
import static org.open12345.hotline.ticket.TicketAction.*;
import static org.open12345.hotline.ticket.TicketStatus.*;

import org.junit.jupiter.api.Test;

class TicketStateMachineTest {

  @Test
  void aTicketWalksItsUsualLife() {
    TicketStatus s = RECEIVED;
    s = TicketStateMachine.next(s, DISPATCH, SYSTEM);
    assertEquals(DISPATCHED, s);
    s = TicketStateMachine.next(s, SIGN, DEPARTMENT);
    assertEquals(SIGNED, s);
    s = TicketStateMachine.next(s, CONTACT, DEPARTMENT);
    assertEquals(SIGNED, s);
    s = TicketStateMachine.next(s, REPLY, DEPARTMENT);
    assertEquals(REPLIED, s);
    s = TicketStateMachine.next(s, CLOSE, DISPATCHER);
    assertEquals(CLOSED, s);
  }

  @Test
  void returnGoesBackToTheCentreWhichRedispatches() {
    assertEquals(RETURNED, TicketStateMachine.next(SIGNED, RETURN, DEPARTMENT));
    assertEquals(DISPATCHED, TicketStateMachine.next(RETURNED, DISPATCH, DISPATCHER));
  }

  @Test
  void reopenSendsAClosedTicketBackToTheDepartment() {
    assertEquals(REOPENED, TicketStateMachine.next(CLOSED, REOPEN, SUPERVISOR));
    assertEquals(SIGNED, TicketStateMachine.next(REOPENED, SIGN, DEPARTMENT));
  }

  @Test
  void aForbiddenStateNamesTheStateAndTheAction() {
    TransitionRefused e = assertThrows(TransitionRefused.class, () -> TicketStateMachine.next(CLOSED, SIGN, DEPARTMENT));
    assertEquals(TransitionRefused.Reason.STATE, e.reason());
    assertTrue(e.getMessage().contains("CLOSED"), e.getMessage());
    assertTrue(e.getMessage().contains("SIGN"), e.getMessage());
  }

  @Test
  void aRoleThatMayNeverActIsToldSo() {
    TransitionRefused e = assertThrows(TransitionRefused.class, () -> TicketStateMachine.next(SIGNED, REPLY, OPERATOR));
    assertEquals(TransitionRefused.Reason.ROLE, e.reason());
    assertThrows(TransitionRefused.class, () -> TicketStateMachine.next(RECEIVED, DISPATCH, DEPARTMENT));
    assertThrows(TransitionRefused.class, () -> TicketStateMachine.next(REPLIED, CLOSE, CITIZEN));
  }

  @Test
  void terminalStatesAllowNothingButReopeningAClosedTicket() {
    for (TicketStatus s : TicketStatus.values()) {
      if (!s.terminal()) {
        continue;
      }
      for (var role : org.open12345.hotline.auth.Role.values()) {
        var allowed = TicketStateMachine.allowed(s, role);
        if (s == CLOSED && (role == SUPERVISOR || role == DISPATCHER || role == SYSTEM)) {
          assertEquals(java.util.Set.of(REOPEN), allowed, s + " " + role);
        } else {
          assertTrue(allowed.isEmpty(), s + " " + role + " " + allowed);
        }
      }
    }
  }

  @Test
  void onlyTheCentreSendsAReturnedTicketBack() {
    assertEquals(DISPATCHED, TicketStateMachine.next(RETURNED, REJECT_RETURN, DISPATCHER));
    assertEquals(DISPATCHED, TicketStateMachine.next(RETURNED, REJECT_RETURN, SUPERVISOR));
    assertEquals(TransitionRefused.Reason.ROLE,
        assertThrows(TransitionRefused.class, () -> TicketStateMachine.next(RETURNED, REJECT_RETURN, DEPARTMENT)).reason());
    assertEquals(TransitionRefused.Reason.STATE,
        assertThrows(TransitionRefused.class, () -> TicketStateMachine.next(SIGNED, REJECT_RETURN, DISPATCHER)).reason());
  }

  @Test
  void departmentsCannotStopOrMergeTickets() {
    assertFalse(TicketStateMachine.allowed(SIGNED, DEPARTMENT).contains(STOP));
    assertFalse(TicketStateMachine.allowed(SIGNED, DEPARTMENT).contains(MERGE));
    assertTrue(TicketStateMachine.allowed(SIGNED, DISPATCHER).contains(MERGE));
  }
}
