package org.open12345.hotline.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads categories.yaml: a nested tree of six-digit codes, each with the words citizens use for it.
 * A word may belong to one category only: the same word under two categories would make the
 * reading of a text depend on file order, so the loader reports it with both lines.
 */
final class CategoriesFile {
  static final String NAME = "categories.yaml";
  private static final Pattern CODE = Pattern.compile("\\d{6}");

  private final Problems problems;
  private final List<Category> out = new ArrayList<>();
  private final Map<String, Integer> firstLine = new HashMap<>();
  private final Map<String, List<String>> words = new LinkedHashMap<>();
  private final Map<String, YamlMap.Scalar> wordFirst = new HashMap<>();
  private final Map<String, String> wordCategory = new HashMap<>();

  /** The tree in file order, and each category's words (normalized, in file order). */
  record Parsed(List<Category> categories, Map<String, List<String>> words) {}

  private CategoriesFile(Problems problems) {
    this.problems = problems;
  }

  static Parsed read(YamlMap root, Problems problems) {
    CategoriesFile f = new CategoriesFile(problems);
    root.allowOnly(NAME, "categories");
    List<YamlMap> top = root.maps("categories", "a category");
    if (top.isEmpty()) {
      root.error(root.line(), "categories.yaml needs a non-empty 'categories' list");
    }
    for (YamlMap m : top) {
      f.readNode(m, null);
    }
    return new Parsed(f.out, f.words);
  }

  private void readNode(YamlMap m, String parent) {
    m.allowOnly("a category", "code", "name", "words", "children");
    String code = m.string("code", true, "a category");
    String name = m.string("name", true, "category " + code);
    if (code != null) {
      if (!CODE.matcher(code).matches()) {
        m.error("code", "category code '" + code + "' must be six digits (quote it: \"010100\")");
        code = null;
      } else if (firstLine.containsKey(code)) {
        m.error("code", "duplicate category code '" + code + "' (first at line " + firstLine.get(code) + ")");
        code = null;
      } else if (parent != null && (!code.startsWith(significant(parent)) || code.equals(parent))) {
        m.error("code", "category '" + code + "' cannot sit under '" + parent + "': a child's code starts with '"
            + significant(parent) + "' and differs from its parent's");
        code = null;
      }
    }
    if (code != null && name != null) {
      firstLine.put(code, m.lineOf("code"));
      out.add(new Category(code, name, parent));
      readWords(m, code);
    }
    for (YamlMap child : m.maps("children", "a category")) {
      // children of a broken node are still checked for their own errors
      readNode(child, code);
    }
  }

  private void readWords(YamlMap m, String code) {
    List<String> mine = new ArrayList<>();
    for (YamlMap.Scalar s : m.strings("words")) {
      String w = TextNormalizer.normalize(s.text());
      if (w.codePointCount(0, w.length()) < 2) {
        m.error(s.line(), "word '" + s.text() + "' of category " + code
            + " is too short: one character matches too much");
        continue;
      }
      YamlMap.Scalar first = wordFirst.get(w);
      if (first != null) {
        String other = wordCategory.get(w);
        m.error(s.line(), other.equals(code)
            ? "duplicate word '" + s.text() + "' in category " + code + " (first at line " + first.line() + ")"
            : "word '" + s.text() + "' of category " + code + " is already a word of category " + other
                + " (line " + first.line() + "): a word belongs to one category");
        continue;
      }
      wordFirst.put(w, s);
      wordCategory.put(w, code);
      mine.add(w);
    }
    words.put(code, List.copyOf(mine));
  }

  /** 020300 → 0203, 020000 → 02: the part of a code its descendants share. */
  static String significant(String code) {
    String s = code;
    while (s.length() > 2 && s.endsWith("00")) {
      s = s.substring(0, s.length() - 2);
    }
    return s;
  }
}
