package org.open12345.hotline.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RatingLevelTest {

  @Test
  void codesFollowThePrompt() {
    assertEquals(Optional.of(RatingLevel.VERY_SATISFIED), RatingLevel.ofCode(1));
    assertEquals(Optional.of(RatingLevel.BASIC), RatingLevel.ofCode(3));
    assertEquals(Optional.of(RatingLevel.VERY_DISSATISFIED), RatingLevel.ofCode(5));
    assertEquals(Optional.empty(), RatingLevel.ofCode(0));
    assertEquals(Optional.empty(), RatingLevel.ofCode(6));
  }

  @Test
  void onlyTheLastTwoAreBad() {
    assertFalse(RatingLevel.VERY_SATISFIED.isBad());
    assertFalse(RatingLevel.SATISFIED.isBad());
    assertFalse(RatingLevel.BASIC.isBad());
    assertTrue(RatingLevel.DISSATISFIED.isBad());
    assertTrue(RatingLevel.VERY_DISSATISFIED.isBad());
  }

  @Test
  void parsesNameOrLabel() {
    assertEquals(Optional.of(RatingLevel.BASIC), RatingLevel.parse("基本满意"));
    assertEquals(Optional.of(RatingLevel.DISSATISFIED), RatingLevel.parse("dissatisfied"));
    assertEquals(Optional.empty(), RatingLevel.parse("很满意"));
    assertEquals(Optional.empty(), RatingLevel.parse(null));
  }
}
