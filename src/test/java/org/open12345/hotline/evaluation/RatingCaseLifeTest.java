package org.open12345.hotline.evaluation;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.evaluation.RatingCaseAction.*;
import static org.open12345.hotline.evaluation.RatingCaseStatus.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.problem.InvalidField;
import org.open12345.hotline.problem.Problem;

class RatingCaseLifeTest {

  @Test
  void aFoundedBadRatingIsFixedAndOneWithoutBasisExplained() {
    assertEquals(FIX_DUE, RatingCaseLife.next(CALLBACK_DUE, CALLBACK, true));
    assertEquals(EXPLANATION_DUE, RatingCaseLife.next(CALLBACK_DUE, CALLBACK, false));
    assertEquals(FIXED, RatingCaseLife.next(FIX_DUE, FIX, false));
    assertEquals(EXPLAINED, RatingCaseLife.next(EXPLANATION_DUE, EXPLAIN, false));
    assertEquals(CLOSED, RatingCaseLife.next(FIXED, CLOSE, false));
    assertEquals(CLOSED, RatingCaseLife.next(EXPLAINED, CLOSE, false));
  }

  @ParameterizedTest(name = "{1} from {0} -> 409 {2}")
  @CsvSource({
      "FIX_DUE, CALLBACK, callback_recorded",
      "EXPLANATION_DUE, CALLBACK, callback_recorded",
      "FIXED, CALLBACK, callback_recorded",
      "CALLBACK_DUE, FIX, callback_first",
      "EXPLANATION_DUE, FIX, explanation_due",
      "FIXED, FIX, already_concluded",
      "EXPLAINED, FIX, already_concluded",
      "CALLBACK_DUE, EXPLAIN, callback_first",
      "FIX_DUE, EXPLAIN, fix_due",
      "FIXED, EXPLAIN, already_concluded",
      "EXPLAINED, EXPLAIN, already_concluded",
      "CALLBACK_DUE, CLOSE, not_concluded",
      "FIX_DUE, CLOSE, not_concluded",
      "EXPLANATION_DUE, CLOSE, not_concluded",
      "CLOSED, CALLBACK, case_closed",
      "CLOSED, FIX, case_closed",
      "CLOSED, EXPLAIN, case_closed",
      "CLOSED, CLOSE, case_closed"})
  void outOfOrderIsAConflict(RatingCaseStatus from, RatingCaseAction action, String code) {
    RatingCaseRefused e = assertThrows(RatingCaseRefused.class, () -> RatingCaseLife.next(from, action, true));
    assertEquals(Problem.Kind.CONFLICT, e.kind());
    assertEquals(code, e.code());
  }

  @ParameterizedTest(name = "{0} by {1} of {2} (callbacks by {3}): {4}")
  @CsvSource({
      "CALLBACK, OPERATOR, , CENTRE, true",
      "CALLBACK, DISPATCHER, , CENTRE, true",
      "CALLBACK, SUPERVISOR, , DEPARTMENT, true",
      "CALLBACK, DEPARTMENT, hhht.gas, CENTRE, false",
      "CALLBACK, DEPARTMENT, hhht.gas, DEPARTMENT, true",
      "CALLBACK, DEPARTMENT, hhht.water, DEPARTMENT, false",
      "FIX, DEPARTMENT, hhht.gas, CENTRE, true",
      "FIX, DEPARTMENT, hhht.water, CENTRE, false",
      "FIX, SUPERVISOR, , CENTRE, false",
      "FIX, OPERATOR, , CENTRE, false",
      "EXPLAIN, DEPARTMENT, hhht.gas, CENTRE, true",
      "EXPLAIN, DISPATCHER, , CENTRE, true",
      "EXPLAIN, SUPERVISOR, , CENTRE, true",
      "EXPLAIN, OPERATOR, , CENTRE, false",
      "EXPLAIN, DEPARTMENT, hhht.water, CENTRE, false",
      "CLOSE, SUPERVISOR, , CENTRE, true",
      "CLOSE, DISPATCHER, , CENTRE, false",
      "CLOSE, DEPARTMENT, hhht.gas, CENTRE, false"})
  void whoActs(RatingCaseAction action, Role role, String department, CallbackBy by, boolean allowed) {
    Runnable check = () -> RatingCaseLife.mayAct(action, role, department, "hhht.gas", by);
    if (allowed) {
      assertDoesNotThrow(check::run);
    } else {
      RatingCaseRefused e = assertThrows(RatingCaseRefused.class, check::run);
      assertEquals(Problem.Kind.FORBIDDEN, e.kind());
    }
  }

  @Test
  void aCaseWithoutDepartmentIsNoDepartmentsToFix() {
    assertThrows(RatingCaseRefused.class, () -> RatingCaseLife.mayAct(FIX, Role.DEPARTMENT, "hhht.gas", null,
        CallbackBy.CENTRE));
  }

  @Test
  void aCallbackSaysWhatTheReachedCitizenSaidOrHowOftenTheCitizenWasCalled() {
    assertDoesNotThrow(() -> RatingCaseLife.check(new RatingCaseLife.Callback(true, 1, "仍未修好", true, null), 3));
    assertEquals("citizen_account", assertThrows(InvalidField.class, () -> RatingCaseLife.check(
        new RatingCaseLife.Callback(true, 1, " ", true, null), 3)).field());
    assertEquals("citizen_account", assertThrows(InvalidField.class, () -> RatingCaseLife.check(
        new RatingCaseLife.Callback(true, 1, null, true, null), 3)).field());
    assertEquals("attempts", assertThrows(InvalidField.class, () -> RatingCaseLife.check(
        new RatingCaseLife.Callback(false, 2, null, true, null), 3)).field());
    assertDoesNotThrow(() -> RatingCaseLife.check(new RatingCaseLife.Callback(false, 3, null, true, null), 3));
    assertEquals("attempts", assertThrows(InvalidField.class, () -> RatingCaseLife.check(
        new RatingCaseLife.Callback(true, 0, "x", true, null), 3)).field());
  }

  @Test
  void everyStatusHasAChineseLabelAndOnlyClosedIsShut() {
    for (RatingCaseStatus s : RatingCaseStatus.values()) {
      assertFalse(s.label().isBlank());
      assertEquals(s != CLOSED, s.isOpen());
    }
  }
}
