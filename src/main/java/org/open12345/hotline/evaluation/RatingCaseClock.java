package org.open12345.hotline.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.open12345.hotline.deadline.Deadline;
import org.open12345.hotline.deadline.DeadlineCalculator;
import org.open12345.hotline.deadline.DeadlineKind;
import org.open12345.hotline.deadline.DeadlinePolicy;
import org.open12345.hotline.deadline.TimeSpan;
import org.open12345.hotline.deadline.WarningPoint;
import org.open12345.hotline.deadline.WarningTime;

/**
 * The two deadlines of a 差评 case, both counted from the 差评 (seed article 34): the callback
 * within 48 hours, the fix (or explanation) within 15 natural days. Each has one 催办 reminder at
 * half time, its 督办 at the deadline and its 通报 a day later, as the deadline feature's own
 * deadlines do; the spans come from configuration. Plain Java.
 */
public final class RatingCaseClock {
  private final Supplier<DeadlineCalculator> calculator;
  private final TimeSpan callbackWithin;
  private final TimeSpan fixWithin;

  /** @param calculator the deadline feature's calculator in force (a calendar reload swaps it) */
  public RatingCaseClock(Supplier<DeadlineCalculator> calculator, TimeSpan callbackWithin, TimeSpan fixWithin) {
    this.calculator = calculator;
    this.callbackWithin = callbackWithin;
    this.fixWithin = fixWithin;
  }

  /** The deadlines of a case opened by a 差评 at {@code ratedAt}: CALLBACK, then FIX. */
  public List<Deadline> open(Instant ratedAt) {
    DeadlineCalculator c = calculator.get();
    return List.of(deadline(c, DeadlineKind.CALLBACK, callbackWithin, ratedAt),
        deadline(c, DeadlineKind.FIX, fixWithin, ratedAt));
  }

  private static Deadline deadline(DeadlineCalculator calculator, DeadlineKind kind, TimeSpan span, Instant start) {
    Instant due = calculator.add(start, span);
    Instant warn = start.plus(Duration.between(start, due).dividedBy(2));
    return new Deadline(kind, span, start, due, List.of(new WarningTime(WarningPoint.HALF_TIME, warn)),
        calculator.add(due, DeadlinePolicy.DEFAULT_ESCALATE_AFTER), 0, null);
  }

  /** The deadlines with {@code kind} met at {@code at}; one already met keeps its first mark. */
  public static List<Deadline> meet(List<Deadline> deadlines, DeadlineKind kind, Instant at) {
    List<Deadline> out = new ArrayList<>();
    for (Deadline d : deadlines) {
      out.add(d.kind() != kind || d.isMet() ? d
          : new Deadline(d.kind(), d.span(), d.startedAt(), d.dueAt(), d.warnings(), d.escalateAt(), d.revision(), at,
              d.count(), d.provisionalYears()));
    }
    return out;
  }
}
