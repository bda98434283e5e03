package org.open12345.hotline.evaluation;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.deadline.TimeSpan;

class RatingAppealRulesTest {
  static final Instant MONDAY = Instant.parse("2026-03-02T02:00:00Z");
  final RatingAppealRules rules = new RatingAppealRules(() -> RatingCaseClockTest.CALC, TimeSpan.parse("5wd"));

  static StoredRating rating(RatingLevel level, String status, Instant excludedAt) {
    return new StoredRating(1, 7L, null, 3L, 1, null, level, "sms", "4", "HIGH", "4", null, null, status, "hhht.gas",
        9L, MONDAY, excludedAt, null, null);
  }

  @Test
  void aCountedBadRatingMayBeAppealedUntilTheEndOfTheFifthWorkingDay() {
    Instant end = Instant.parse("2026-03-09T15:59:59.999999Z");
    assertEquals(end, rules.windowEndsAt(MONDAY));
    assertDoesNotThrow(() -> rules.check(rating(RatingLevel.DISSATISFIED, "counted", null), end));
    assertDoesNotThrow(() -> rules.check(rating(RatingLevel.VERY_DISSATISFIED, "counted", null), MONDAY));
    RatingCaseRefused late = assertThrows(RatingCaseRefused.class,
        () -> rules.check(rating(RatingLevel.DISSATISFIED, "counted", null), end.plusNanos(1000)));
    assertEquals("appeal_window_closed", late.code());
  }

  @Test
  void onlyACountedBadRatingStillInTheFiguresCanBeAppealed() {
    assertEquals("not_a_bad_rating", assertThrows(RatingCaseRefused.class,
        () -> rules.check(rating(RatingLevel.BASIC, "counted", null), MONDAY)).code());
    assertEquals("not_a_bad_rating", assertThrows(RatingCaseRefused.class,
        () -> rules.check(rating(RatingLevel.DISSATISFIED, "duplicate", null), MONDAY)).code());
    assertEquals("not_a_bad_rating", assertThrows(RatingCaseRefused.class,
        () -> rules.check(rating(RatingLevel.DISSATISFIED, "late", null), MONDAY)).code());
    assertEquals("rating_excluded", assertThrows(RatingCaseRefused.class,
        () -> rules.check(rating(RatingLevel.DISSATISFIED, "counted", MONDAY), MONDAY)).code());
    assertEquals(TimeSpan.parse("5wd"), rules.window());
  }
}
