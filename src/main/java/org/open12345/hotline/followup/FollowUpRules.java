package org.open12345.hotline.followup;

import java.util.Optional;

/**
 * When a follow-up (回访) is over: at the citizen's first answer, or when the tries nobody
 * answered reach the limit. Plain Java: the service asks, stores and acts.
 */
public final class FollowUpRules {
  private final int maxTries;

  /** @param maxTries unanswered tries after which the citizen counts as unreachable (≥ 1) */
  public FollowUpRules(int maxTries) {
    if (maxTries < 1) {
      throw new IllegalArgumentException("at least one try is needed, got " + maxTries);
    }
    this.maxTries = maxTries;
  }

  public int maxTries() {
    return maxTries;
  }

  /**
   * @param unansweredBefore tries of this follow-up nobody answered, before this one
   * @return the conclusion this attempt reaches, or empty when the centre must try again
   */
  public Optional<FollowUpConclusion> conclude(FollowUpResult result, int unansweredBefore) {
    return switch (result) {
      case SOLVED -> Optional.of(FollowUpConclusion.SOLVED);
      case NOT_SOLVED -> Optional.of(FollowUpConclusion.NOT_SOLVED);
      case NO_ANSWER -> unansweredBefore + 1 >= maxTries ? Optional.of(FollowUpConclusion.UNREACHABLE)
          : Optional.empty();
    };
  }
}
