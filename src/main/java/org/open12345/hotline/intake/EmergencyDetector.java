package org.open12345.hotline.intake;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds emergency trigger words in a transcript or message, so the call is transferred to
 * 110/119/120/122 and recorded instead of becoming an ordinary ticket.
 *
 * <p>Plain substring matching after NFKC folding and whitespace removal. Negations ("没有着火",
 * "不是车祸") and reported past events are out of scope and still match: a false alarm costs an
 * operator a look, a missed fire costs more. Indexes refer to the whitespace-free text.
 */
public final class EmergencyDetector {
  private final List<EmergencyDefinition> definitions;

  public EmergencyDetector(List<EmergencyDefinition> definitions) {
    this.definitions = List.copyOf(definitions);
  }

  /** The earliest emergency in the text, or empty. */
  public Optional<EmergencyMatch> detect(String text) {
    return detectAll(text).stream().findFirst();
  }

  /** Every trigger word found, earliest first (a crash with someone unconscious is 122 and 120). */
  public List<EmergencyMatch> detectAll(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String folded = fold(text);
    List<EmergencyMatch> matches = new ArrayList<>();
    for (EmergencyDefinition definition : definitions) {
      for (String word : definition.triggerWords()) {
        int at = folded.indexOf(fold(word));
        if (at >= 0) {
          matches.add(new EmergencyMatch(definition.number(), word, at));
        }
      }
    }
    matches.sort(
        Comparator.comparingInt(EmergencyMatch::index)
            .thenComparing(m -> -m.word().length()));
    return List.copyOf(matches);
  }

  private static String fold(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
    StringBuilder b = new StringBuilder(n.length());
    n.codePoints()
        .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
        .map(Character::toLowerCase)
        .forEach(b::appendCodePoint);
    return b.toString();
  }
}
