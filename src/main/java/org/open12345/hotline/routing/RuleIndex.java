package org.open12345.hotline.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For each known category code, the rules that could match it (rules naming that code or a prefix
 * of it, plus rules with no category condition), in rule order. Routing then tests a few dozen
 * rules instead of thousands. A code not in the tree can only match prefix rules (exact codes are
 * validated against the tree), found through a prefix map.
 */
final class RuleIndex {
  private final int[] withoutCategory;
  private final Map<String, int[]> byCode = new HashMap<>();
  private final Map<String, List<Integer>> byPrefix = new HashMap<>();

  RuleIndex(List<Rule> rules, CategoryTree categories) {
    List<Integer> free = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      if (!rules.get(i).when().hasCategory()) {
        free.add(i);
      }
    }
    for (int i = 0; i < rules.size(); i++) {
      for (String prefix : rules.get(i).when().categoryPrefixes()) {
        byPrefix.computeIfAbsent(prefix, k -> new ArrayList<>()).add(i);
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
    return known != null ? known : unknownCode(categoryCode);
  }

  private int[] unknownCode(String code) {
    java.util.TreeSet<Integer> hits = new java.util.TreeSet<>();
    for (int len = 1; len <= code.length(); len++) {
      List<Integer> rules = byPrefix.get(code.substring(0, len));
      if (rules != null) {
        hits.addAll(rules);
      }
    }
    if (hits.isEmpty()) {
      return withoutCategory;
    }
    for (int i : withoutCategory) {
      hits.add(i);
    }
    return hits.stream().mapToInt(Integer::intValue).toArray();
  }
}
