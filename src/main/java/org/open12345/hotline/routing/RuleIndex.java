package org.open12345.hotline.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For each known category code, the rules that could match it (rules naming that code or a prefix
 * of it, plus rules with no category condition), in rule order. Routing then tests a few dozen
 * rules instead of thousands. Codes not in the tree fall back to a scan of all rules.
 */
final class RuleIndex {
  private final int[] all;
  private final int[] withoutCategory;
  private final Map<String, int[]> byCode = new HashMap<>();

  RuleIndex(List<Rule> rules, CategoryTree categories) {
    all = new int[rules.size()];
    List<Integer> free = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      all[i] = i;
      if (!rules.get(i).when().hasCategory()) {
        free.add(i);
      }
    }
    withoutCategory = free.stream().mapToInt(Integer::intValue).toArray();
    for (Category c : categories.all()) {
      List<Integer> list = new ArrayList<>();
      for (int i = 0; i < rules.size(); i++) {
        RuleCondition w = rules.get(i).when();
        if (!w.hasCategory() || w.categoryMatches(c.code())) {
          list.add(i);
        }
      }
      byCode.put(c.code(), list.stream().mapToInt(Integer::intValue).toArray());
    }
  }

  /** Rule indexes to test, ascending. Shared arrays: callers must not modify them. */
  int[] candidates(String categoryCode) {
    if (categoryCode == null) {
      return withoutCategory;
    }
    int[] known = byCode.get(categoryCode);
    return known != null ? known : all;
  }
}
