package org.open12345.hotline.evaluation;

import java.time.Instant;
import java.util.function.Supplier;
import org.open12345.hotline.deadline.DeadlineCalculator;
import org.open12345.hotline.deadline.TimeSpan;

/**
 * 申诉复核: a department may appeal a 差评 it believes malicious or mistaken, once, within a
 * window counted from the rating (default 5 working days: the end of the fifth working day after
 * the day of the rating, holidays and 调休 as the calendar states them). Plain Java.
 */
public final class RatingAppealRules {
  private final Supplier<DeadlineCalculator> calculator;
  private final TimeSpan window;

  /** @param calculator the deadline feature's calculator in force (a calendar reload swaps it) */
  public RatingAppealRules(Supplier<DeadlineCalculator> calculator, TimeSpan window) {
    this.calculator = calculator;
    this.window = window;
  }

  public TimeSpan window() {
    return window;
  }

  /** The last instant an appeal of a rating given at {@code ratedAt} is accepted. */
  public Instant windowEndsAt(Instant ratedAt) {
    return calculator.get().add(ratedAt, window);
  }

  /**
   * Whether the rating may be appealed at {@code now}.
   *
   * @throws RatingCaseRefused (409) when it is not a counted 差评, is already excluded, or the window closed
   */
  public void check(StoredRating r, Instant now) {
    if (!r.level().isBad() || !r.status().equals("counted")) {
      throw RatingCaseRefused.conflict("not_a_bad_rating",
          "只有计入统计的差评可以申诉（only a counted 不满意/非常不满意 rating can be appealed）");
    }
    if (r.excludedAt() != null) {
      throw RatingCaseRefused.conflict("rating_excluded", "该评价已被剔除（the rating is already excluded）");
    }
    Instant end = windowEndsAt(r.createdAt());
    if (now.isAfter(end)) {
      throw RatingCaseRefused.conflict("appeal_window_closed",
          "申诉期限已过（the appeal window of " + window + " closed at " + end + "）");
    }
  }
}
