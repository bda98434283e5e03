package org.open12345.hotline.routing;

import java.util.List;
import org.open12345.hotline.deadline.TimeSpan;

/**
 * One deadline of a policy and its warning points. A warning is either a span before the deadline
 * ({@code warnBefore}) or a fraction of the span elapsed ({@code warnAt}, between 0 and 1).
 * A span of {@code 0d} means "by the end of the same natural day", {@code 0wd} "by the end of the
 * same working day".
 */
public record Deadline(TimeSpan within, List<TimeSpan> warnBefore, List<Double> warnAt) {
  public Deadline {
    warnBefore = List.copyOf(warnBefore);
    warnAt = List.copyOf(warnAt);
  }
}
