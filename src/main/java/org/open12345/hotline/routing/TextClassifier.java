package org.open12345.hotline.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a category from free text: the vocabulary's words, and the statistical model when one is
 * in force. The result is a probability per category, scaled by how much evidence there is, so
 * one decisive word can route a text but a text that names two matters cannot.
 *
 * <p>Vocabulary: a word weighs its length in characters. Words on a category that has children
 * (小区, 暖气) are context: they count only where no specific word (a leaf's, or an ancestor of a
 * leaf that was found) contradicts them, and they support the specific categories below them.
 * The shares are then multiplied by the evidence: 0.95 for 4 characters or more of words (a
 * context word's characters count half), 0.85 for 2 or more (one two-character leaf word), 0.6
 * below (「小区」 alone says little).
 *
 * <p>Model: it fills the doubt the vocabulary leaves: each category gains 90 % of the model's
 * probability times (1 − the vocabulary's total), so a text without known words is read by the
 * model alone (at 90 %), a decisive word keeps its reading, and a weak one can be confirmed.
 */
final class TextClassifier {
  static final double MODEL_WEIGHT = 0.9;

  /** A category's probability and the words that speak for it. */
  record Guess(double probability, List<String> words) {}

  private final Vocabulary vocabulary;
  private final CategoryTree tree;
  private final java.util.Set<String> leaves = new java.util.HashSet<>();

  TextClassifier(Vocabulary vocabulary, CategoryTree tree) {
    this.vocabulary = vocabulary;
    this.tree = tree;
    tree.all().forEach(c -> leaves.add(c.code()));
    tree.all().forEach(c -> leaves.remove(c.parentCode()));
  }

  /** Category code → guess, for a normalized text; empty when nothing speaks for any category. */
  Map<String, Guess> read(String text, TextModel model) {
    if (text.isEmpty()) {
      return Map.of();
    }
    Map<String, Guess> byWords = vocabulary(text);
    Map<String, Double> byModel = model.predict(text);
    if (byModel.isEmpty()) {
      return byWords;
    }
    // the model fills the doubt the vocabulary leaves (1 - its total), never overrules its words
    double doubt = 1 - byWords.values().stream().mapToDouble(Guess::probability).sum();
    Map<String, Guess> out = new LinkedHashMap<>(byWords);
    byModel.forEach((c, p) -> {
      if (tree.contains(c)) {
        Guess g = out.get(c);
        out.put(c, new Guess((g == null ? 0 : g.probability()) + MODEL_WEIGHT * doubt * p,
            g == null ? List.of() : g.words()));
      }
    });
    return out;
  }

  private Map<String, Guess> vocabulary(String text) {
    List<Vocabulary.Hit> hits = vocabulary.find(text);
    if (hits.isEmpty()) {
      return Map.of();
    }
    Map<String, Double> own = new LinkedHashMap<>();
    Map<String, List<String>> words = new HashMap<>();
    for (Vocabulary.Hit h : hits) {
      own.merge(h.categoryCode(), (double) h.word().length(), Double::sum);
      words.computeIfAbsent(h.categoryCode(), k -> new ArrayList<>()).add(h.word());
    }
    // specific = found categories that no other found category sits below
    List<String> specific = new ArrayList<>();
    for (String c : own.keySet()) {
      if (own.keySet().stream().noneMatch(o -> !o.equals(c) && isAncestor(c, o))) {
        specific.add(c);
      }
    }
    boolean anyLeaf = specific.stream().anyMatch(this::isLeaf);
    if (anyLeaf) {
      // context words that no leaf supports are dropped: 「小区门口有人摆摊」 is about the stall
      specific.removeIf(c -> !isLeaf(c));
    }
    Map<String, Double> score = new LinkedHashMap<>();
    double specificChars = 0;
    double evidenceChars = 0;
    for (String c : specific) {
      score.put(c, own.get(c));
      specificChars += own.get(c);
      evidenceChars += isLeaf(c) ? own.get(c) : own.get(c) / 2;
    }
    double total = specificChars;
    // an ancestor's words support the categories below it, shared by their own weight
    for (Map.Entry<String, Double> e : own.entrySet()) {
      if (specific.contains(e.getKey())) {
        continue;
      }
      double below = specific.stream().filter(c -> isAncestor(e.getKey(), c)).mapToDouble(own::get).sum();
      if (below > 0) {
        for (String c : specific) {
          if (isAncestor(e.getKey(), c)) {
            score.merge(c, e.getValue() * own.get(c) / below, Double::sum);
            words.get(c).addAll(words.get(e.getKey()));
          }
        }
        total += e.getValue();
        evidenceChars += e.getValue() / 2;
      }
    }
    double evidence = evidenceChars >= 4 ? 0.95 : evidenceChars >= 2 ? 0.85 : 0.6;
    Map<String, Guess> out = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : score.entrySet()) {
      out.put(e.getKey(), new Guess(evidence * e.getValue() / total, List.copyOf(words.get(e.getKey()))));
    }
    return out;
  }

  private boolean isLeaf(String code) {
    return leaves.contains(code);
  }

  private boolean isAncestor(String ancestor, String code) {
    for (Category c = tree.get(code).orElse(null); c != null && c.parentCode() != null;
        c = tree.get(c.parentCode()).orElse(null)) {
      if (c.parentCode().equals(ancestor)) {
        return true;
      }
    }
    return false;
  }
}
