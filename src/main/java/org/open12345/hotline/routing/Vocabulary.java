package org.open12345.hotline.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of categories.yaml, matched over a normalized text left to right, the longest word
 * first where words overlap (「暖气片漏水」 is a leak, not 「暖气」 plus something), so one place
 * in the text counts once. Immutable; built with its rule set.
 */
public final class Vocabulary {
  private final Map<Character, String[]> byFirstChar = new HashMap<>();
  private final Map<String, String> categoryOf = new HashMap<>();
  private final Map<String, List<String>> words;

  /** One word found in a text. */
  public record Hit(String word, String categoryCode, int at) {}

  Vocabulary(CategoryTree tree, Map<String, List<String>> words) {
    this.words = Map.copyOf(words);
    Map<Character, List<String>> grouped = new HashMap<>();
    words.forEach((code, list) -> {
      for (String w : list) {
        if (tree.contains(code)) {
          categoryOf.put(w, code);
          grouped.computeIfAbsent(w.charAt(0), k -> new ArrayList<>()).add(w);
        }
      }
    });
    grouped.forEach((c, list) -> {
      String[] a = list.toArray(String[]::new);
      Arrays.sort(a, Comparator.comparingInt(String::length).reversed());
      byFirstChar.put(c, a);
    });
  }

  /** The words of one category (normalized), empty when it has none. */
  public List<String> wordsOf(String code) {
    return words.getOrDefault(code, List.of());
  }

  public int size() {
    return categoryOf.size();
  }

  /** Every word found in a normalized text, longest first where two overlap. */
  public List<Hit> find(String text) {
    List<Hit> hits = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      String[] candidates = byFirstChar.get(text.charAt(i));
      String found = null;
      if (candidates != null) {
        for (String w : candidates) {
          if (text.startsWith(w, i)) {
            found = w;
            break;
          }
        }
      }
      if (found == null) {
        i++;
      } else {
        hits.add(new Hit(found, categoryOf.get(found), i));
        i += found.length();
      }
    }
    return hits;
  }
}
