package org.open12345.hotline.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Ranks departments by the three rates (响应率, 解决率, 满意率) for the monthly publication.
 * Plain Java over rows the database counted.
 *
 * <p>Rules: a department with no dispatched, called-back or rated ticket in the month is left
 * out. Each rate ranks the departments that have it, highest first; equal rates share a place and
 * the next place is skipped (1, 2, 2, 4). The overall order is by the score, the plain mean of
 * the three rates (no weights: the centre publishes the three figures beside it); a department
 * lacking one of the three rates has no score and is listed after the ranked ones, unranked.
 * Ties in the list are broken by department id, so the order is stable.
 */
public final class PublicationRanking {
  /** The rule above, in the words the publication shows. */
  public static final String RULE = "综合得分 = (响应率 + 解决率 + 满意率) ÷ 3，按得分从高到低排名，得分相同名次并列；"
      + "三率任一无数据的单位不参加综合排名，列在最后；本月既无派单、回访也无评价的单位不列出。";

  private PublicationRanking() {}

  public static List<PublicationEntry> rank(List<StatsRow> rows) {
    List<StatsRow> listed = rows.stream().filter(PublicationRanking::hasActivity).toList();
    Map<String, Integer> response = ranks(listed, r -> r.figure(FigureDefinition.RESPONSE_RATE).rate());
    Map<String, Integer> resolution = ranks(listed, r -> r.figure(FigureDefinition.RESOLUTION_RATE).rate());
    Map<String, Integer> satisfaction = ranks(listed, r -> r.figure(FigureDefinition.SATISFACTION_RATE).rate());
    Map<String, Integer> overall = ranks(listed, PublicationRanking::score);
    List<PublicationEntry> out = new ArrayList<>();
    for (StatsRow r : listed) {
      out.add(new PublicationEntry(overall.get(r.key()), r.key(), r.name(), score(r),
          r.figure(FigureDefinition.RESPONSE_RATE), response.get(r.key()),
          r.figure(FigureDefinition.RESOLUTION_RATE), resolution.get(r.key()),
          r.figure(FigureDefinition.SATISFACTION_RATE), satisfaction.get(r.key())));
    }
    out.sort(Comparator.comparing(PublicationEntry::rank, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(PublicationEntry::departmentId));
    return out;
  }

  /** The mean of the three rates, 4 decimals half-up; null when one of them has no value. */
  static BigDecimal score(StatsRow r) {
    BigDecimal a = r.figure(FigureDefinition.RESPONSE_RATE).rate();
    BigDecimal b = r.figure(FigureDefinition.RESOLUTION_RATE).rate();
    BigDecimal c = r.figure(FigureDefinition.SATISFACTION_RATE).rate();
    if (a == null || b == null || c == null) {
      return null;
    }
    return a.add(b).add(c).divide(BigDecimal.valueOf(3), 4, RoundingMode.HALF_UP);
  }

  private static boolean hasActivity(StatsRow r) {
    return r.key() != null && (r.figure(FigureDefinition.RESPONSE_RATE).denominator() > 0
        || r.figure(FigureDefinition.RESOLUTION_RATE).denominator() > 0
        || r.figure(FigureDefinition.SATISFACTION_RATE).denominator() > 0);
  }

  /** Competition ranking (1, 2, 2, 4) by value, highest first; rows without a value get none. */
  private static Map<String, Integer> ranks(List<StatsRow> rows, Function<StatsRow, BigDecimal> value) {
    List<StatsRow> valued = new ArrayList<>(rows.stream().filter(r -> value.apply(r) != null).toList());
    valued.sort(Comparator.comparing(value, Comparator.reverseOrder()));
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i < valued.size(); i++) {
      StatsRow r = valued.get(i);
      boolean tied = i > 0 && value.apply(valued.get(i - 1)).compareTo(value.apply(r)) == 0;
      out.put(r.key(), tied ? out.get(valued.get(i - 1).key()) : i + 1);
    }
    return out;
  }
}
