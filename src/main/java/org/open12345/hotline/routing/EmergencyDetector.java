package org.open12345.hotline.routing;

import java.util.List;
import java.util.Optional;

/**
 * Finds an emergency in a citizen's own words, recall first: a missed knife or fire is the one
 * error a hotline cannot make, so the numbers' words and combinations are tried on the normalized
 * text (traditional characters, spaces and full-width forms folded), and an {@code unless} word
 * only cancels a finding it stands next to (within {@link #UNLESS_REACH} characters).
 */
public final class EmergencyDetector {
  /** How close an 'unless' word must be to a finding to cancel it: 「火灾隐患」, 「车祸理赔」. */
  static final int UNLESS_REACH = 6;

  private final List<EmergencyNumber> numbers;

  EmergencyDetector(List<EmergencyNumber> numbers) {
    this.numbers = List.copyOf(numbers);
  }

  /**
   * What a finding is: the number to transfer to, what triggered it (a word, or a combination as
   * written in the rule files) and where in the normalized text.
   */
  public record Hit(EmergencyNumber number, String trigger, int index) {}

  /** The first number, in file order, that the text calls for. */
  public Optional<Hit> detect(String rawText) {
    return detectNormalized(TextNormalizer.normalize(rawText));
  }

  Optional<Hit> detectNormalized(String text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    for (EmergencyNumber n : numbers) {
      Hit h = find(n, text);
      if (h != null) {
        return Optional.of(h);
      }
    }
    return Optional.empty();
  }

  private static Hit find(EmergencyNumber n, String text) {
    for (String w : n.words()) {
      for (int at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
        if (!cancelled(n, text, at, w.length())) {
          return new Hit(n, w, at);
        }
      }
    }
    for (EmergencyPattern p : n.patterns()) {
      int at = p.find(text);
      if (at >= 0 && !cancelled(n, text, at, 1)) {
        return new Hit(n, p.source(), at);
      }
    }
    return null;
  }

  private static boolean cancelled(EmergencyNumber n, String text, int at, int length) {
    int from = Math.max(0, at - UNLESS_REACH);
    int to = Math.min(text.length(), at + length + UNLESS_REACH);
    String near = text.substring(from, to);
    for (String u : n.unless()) {
      if (near.contains(u)) {
        return true;
      }
    }
    return false;
  }
}
