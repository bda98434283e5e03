package org.open12345.hotline.routing;

import java.util.List;
import java.util.Optional;

/**
 * A decision with its reasons: the rule that matched (empty for the manual queue or an emergency),
 * and for every earlier rule the first condition that failed.
 *
 * @param areaPath the ticket's area and the areas above it, as the rules saw it (e.g. 东街街道 → 新城区 → 呼和浩特市)
 */
public record Explanation(
    RoutingDecision decision, Optional<Rule> matched, List<RuleMiss> misses, String note, List<String> areaPath) {
  public Explanation {
    misses = List.copyOf(misses);
    areaPath = List.copyOf(areaPath);
  }
}
