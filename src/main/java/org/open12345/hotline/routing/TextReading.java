package org.open12345.hotline.routing;

import java.util.List;

/**
 * What free text says about its category: the likeliest categories (best first, at most three),
 * each with the department the rules would send it to. {@code confident} is true when the best
 * department's confidence reached the rule set's threshold; {@code applied} when the ticket was
 * routed on it (a citizen's own text; an operator's ticket gets suggestions only).
 *
 * @param modelVersion the statistical model that took part, null when the vocabulary read alone
 */
public record TextReading(
    List<Suggestion> suggestions, double threshold, boolean confident, boolean applied, String modelVersion) {
  public TextReading {
    suggestions = List.copyOf(suggestions);
  }

  /**
   * One reading: a category, the department the rules give it (null when they give none), the
   * confidence for that department, and the words that decided.
   */
  public record Suggestion(String categoryCode, String categoryName, String departmentId, double confidence,
      List<String> words) {
    public Suggestion {
      words = List.copyOf(words);
    }
  }

  public boolean isEmpty() {
    return suggestions.isEmpty();
  }
}
