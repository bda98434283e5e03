package org.open12345.hotline.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * A combination of words that together mean an emergency although none does alone:
 * {@code 刀|菜刀 + 追|砍|捅} holds when one word of every group occurs within {@link #WINDOW}
 * characters of a word of the first group (「有人拿着刀在街上追人」, not 「刀具店」 next to a 「追尾」
 * three sentences later). Written in the rule files as groups joined by {@code +}, alternatives
 * by {@code |}.
 */
public record EmergencyPattern(String source, List<List<String>> groups) {
  /** How far apart (in characters) the words of one combination may be. */
  public static final int WINDOW = 14;

  public EmergencyPattern {
    groups = groups.stream().map(List::copyOf).toList();
  }

  /** Parses {@code a|b + c|d}; null with the reason in {@code error[0]} when malformed. */
  static EmergencyPattern parse(String text, String[] error) {
    List<List<String>> groups = new ArrayList<>();
    for (String g : text.split("\\+", -1)) {
      List<String> alternatives = new ArrayList<>();
      for (String a : g.split("\\|", -1)) {
        String w = TextNormalizer.normalize(a);
        if (w.isEmpty()) {
          error[0] = "pattern '" + text + "' has an empty word (write groups as 刀|菜刀 + 追|砍)";
          return null;
        }
        alternatives.add(w);
      }
      groups.add(alternatives);
    }
    if (groups.size() < 2) {
      error[0] = "pattern '" + text + "' needs at least two groups joined by '+' (a single word belongs in 'words')";
      return null;
    }
    return new EmergencyPattern(text.trim(), groups);
  }

  /** Where the combination starts in a normalized text, or -1. */
  int find(String text) {
    for (String first : groups.get(0)) {
      for (int at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1)) {
        if (restNear(text, at)) {
          return at;
        }
      }
    }
    return -1;
  }

  private boolean restNear(String text, int at) {
    for (int g = 1; g < groups.size(); g++) {
      if (!anyNear(text, groups.get(g), at)) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyNear(String text, List<String> words, int at) {
    int from = Math.max(0, at - WINDOW);
    for (String w : words) {
      int i = text.indexOf(w, from);
      if (i >= 0 && i <= at + WINDOW) {
        return true;
      }
    }
    return false;
  }
}
