package org.open12345.hotline.followup;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FollowUpRulesTest {
  private final FollowUpRules threeTries = new FollowUpRules(3);

  @Test
  void anAnswerEndsTheFollowUpWhateverTriesCameBefore() {
    assertEquals(Optional.of(FollowUpConclusion.SOLVED), threeTries.conclude(FollowUpResult.SOLVED, 0));
    assertEquals(Optional.of(FollowUpConclusion.SOLVED), threeTries.conclude(FollowUpResult.SOLVED, 2));
    assertEquals(Optional.of(FollowUpConclusion.NOT_SOLVED), threeTries.conclude(FollowUpResult.NOT_SOLVED, 1));
  }

  @Test
  void theCitizenIsUnreachableOnlyAtTheLastUnansweredTry() {
    assertEquals(Optional.empty(), threeTries.conclude(FollowUpResult.NO_ANSWER, 0));
    assertEquals(Optional.empty(), threeTries.conclude(FollowUpResult.NO_ANSWER, 1));
    assertEquals(Optional.of(FollowUpConclusion.UNREACHABLE), threeTries.conclude(FollowUpResult.NO_ANSWER, 2));
    assertEquals(Optional.of(FollowUpConclusion.UNREACHABLE), threeTries.conclude(FollowUpResult.NO_ANSWER, 5));
    assertEquals(Optional.of(FollowUpConclusion.UNREACHABLE),
        new FollowUpRules(1).conclude(FollowUpResult.NO_ANSWER, 0));
  }

  @Test
  void atLeastOneTry() {
    assertThrows(IllegalArgumentException.class, () -> new FollowUpRules(0));
    assertEquals(3, threeTries.maxTries());
  }

  @Test
  void resultsReadNamesAndLabels() {
    assertEquals(FollowUpResult.SOLVED, FollowUpResult.parse("solved"));
    assertEquals(FollowUpResult.NOT_SOLVED, FollowUpResult.parse("未解决"));
    assertEquals(FollowUpResult.NO_ANSWER, FollowUpResult.parse(" NO_ANSWER "));
    assertEquals(FollowUpResult.NO_ANSWER, FollowUpResult.parse("未接通"));
    assertNull(FollowUpResult.parse("maybe"));
    assertNull(FollowUpResult.parse(null));
  }
}
