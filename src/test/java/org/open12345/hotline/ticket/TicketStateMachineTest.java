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

  /**
   * Terminal states allow nothing but reopening a closed ticket, and for a merged one (并案) what
   * following its master needs: the centre unmerges it, the system closes it with the master.
   */
  @Test
  void terminalStatesAllowNothingButReopeningAClosedTicketOrLeavingAMerge() {
    for (TicketStatus s : TicketStatus.values()) {
      if (!s.terminal()) {
        continue;
      }
      for (var role : org.open12345.hotline.auth.Role.values()) {
        var allowed = TicketStateMachine.allowed(s, role);
        boolean centre = role == SUPERVISOR || role == DISPATCHER;
        if (s == CLOSED && (centre || role == SYSTEM)) {
          assertEquals(java.util.Set.of(REOPEN), allowed, s + " " + role);
        } else if (s == MERGED && centre) {
          assertEquals(java.util.Set.of(UNMERGE), allowed, s + " " + role);
        } else if (s == MERGED && role == SYSTEM) {
          assertEquals(java.util.Set.of(CLOSE), allowed, s + " " + role);
        } else {
          assertTrue(allowed.isEmpty(), s + " " + role + " " + allowed);
        }
      }
    }
  }

  @Test
  void onlyTheSystemClosesAMergedTicketAndTheCentreStillClosesOnlyReplied() {
    assertEquals(CLOSED, TicketStateMachine.next(MERGED, CLOSE, SYSTEM));
    TransitionRefused byCentre = assertThrows(TransitionRefused.class,
        () -> TicketStateMachine.next(MERGED, CLOSE, DISPATCHER));
    assertEquals(TransitionRefused.Reason.STATE, byCentre.reason(), "the centre may close, not this");
    assertEquals(CLOSED, TicketStateMachine.next(REPLIED, CLOSE, SYSTEM));
    assertThrows(TransitionRefused.class, () -> TicketStateMachine.next(SIGNED, CLOSE, SYSTEM));
    TransitionRefused byDepartment = assertThrows(TransitionRefused.class,
        () -> TicketStateMachine.next(MERGED, CLOSE, DEPARTMENT));
    assertEquals(TransitionRefused.Reason.ROLE, byDepartment.reason());
  }

  @Test
  void unmergeGoesBackToWhereTheMergeFoundTheTicket() {
    assertEquals(RECEIVED, TicketStateMachine.unmergeTo(MERGED, RECEIVED, DISPATCHER));
    assertEquals(RETURNED, TicketStateMachine.unmergeTo(MERGED, RETURNED, SUPERVISOR));
    assertEquals(DISPATCHED, TicketStateMachine.unmergeTo(MERGED, DISPATCHED, DISPATCHER));
    assertEquals(DISPATCHED, TicketStateMachine.unmergeTo(MERGED, SIGNED, DISPATCHER), "signs again in its new round");
    TransitionRefused notMerged = assertThrows(TransitionRefused.class,
        () -> TicketStateMachine.unmergeTo(CLOSED, SIGNED, DISPATCHER));
    assertEquals(TransitionRefused.Reason.STATE, notMerged.reason());
    TransitionRefused operator = assertThrows(TransitionRefused.class,
        () -> TicketStateMachine.unmergeTo(MERGED, SIGNED, OPERATOR));
    assertEquals(TransitionRefused.Reason.ROLE, operator.reason());
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
