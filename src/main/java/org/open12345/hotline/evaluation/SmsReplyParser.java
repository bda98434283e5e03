package org.open12345.hotline.evaluation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.open12345.hotline.evaluation.ParsedReply.Confidence;
import org.open12345.hotline.evaluation.ParsedReply.Reason;

/**
 * Reads a citizen's SMS answer to a rating prompt (1非常满意 2满意 3基本满意 4不满意 5非常不满意).
 *
 * <p>The rule is "never guess silently": a reply becomes a rating only when every rating-like
 * token in it points at the same level. Accepted forms:
 *
 * <ul>
 *   <li>one digit 1..5, ASCII or full-width (NFKC folds １ and ① to 1), with any text around it
 *       ({@code 2 谢谢}, {@code 【回复】3}); digit runs of 4 or more characters are treated as
 *       ticket or phone numbers and ignored;
 *   <li>a Chinese numeral 一..五 (or 壹..伍) only when it is the whole reply;
 *   <li>the five labels, longest first (非常不满意 before 不满意 before 满意), anywhere in the text;
 *   <li>colloquial intensifiers, decided here: 很/十分/特别满意 → 非常满意 and 很/十分/特别不满意 →
 *       非常不满意, reported with MEDIUM confidence so a person can review them.
 * </ul>
 *
 * Unparsed: empty text, replies longer than {@value #MAX_CHARS} characters (a new request, not a
 * rating), numbers of 2-3 digits ({@code 12}, {@code 10:30}), digits 0 and 6-9, score-like
 * answers ({@code 5分}, whose meaning depends on the scale the citizen imagines), two different
 * levels ({@code 1 或 2}, {@code 满意 但 不满意}), and hedged or negated wording ({@code 不太满意},
 * {@code 比较满意}, {@code 不是很满意}, {@code 满不满意}) which matches no level exactly.
 */
public final class SmsReplyParser {

  /** Longer replies are requests or complaints, not answers to a prompt. */
  public static final int MAX_CHARS = 40;

  private record Word(String text, RatingLevel level, boolean synonym) {}

  /** A word or digit found at a position of the whitespace-free text. */
  private record Found(Word word, int at) {}

  /** Longest first, so the scan never reads 不满意 inside 非常不满意. */
  private static final List<Word> WORDS =
      List.of(
          new Word("非常不满意", RatingLevel.VERY_DISSATISFIED, false),
          new Word("十分不满意", RatingLevel.VERY_DISSATISFIED, true),
          new Word("特别不满意", RatingLevel.VERY_DISSATISFIED, true),
          new Word("很不满意", RatingLevel.VERY_DISSATISFIED, true),
          new Word("非常满意", RatingLevel.VERY_SATISFIED, false),
          new Word("十分满意", RatingLevel.VERY_SATISFIED, true),
          new Word("特别满意", RatingLevel.VERY_SATISFIED, true),
          new Word("基本满意", RatingLevel.BASIC, false),
          new Word("很满意", RatingLevel.VERY_SATISFIED, true),
          new Word("不满意", RatingLevel.DISSATISFIED, false),
          new Word("满意", RatingLevel.SATISFIED, false));

  /**
   * Words that, right before a level word, make it something other than that level: degree
   * hedges (比较, 还算), negations (不是很, 没有), and the question form 满不满意.
   */
  private static final List<String> HEDGES =
      List.of(
          "不是", "没有", "相当", "比较", "有点", "有些", "一般", "大致", "大体", "算是", "怎么", "基本",
          "较", "挺", "蛮", "还", "算", "太", "大", "够", "没", "未", "满", "不");

  private static final String CHINESE_NUMERALS = "一二三四五";
  private static final String CAPITAL_NUMERALS = "壹贰叁肆伍";
  private static final String SCORE_UNITS = "分星颗";

  private SmsReplyParser() {}

  public static ParsedReply parse(String text) {
    if (text == null || text.isBlank()) {
      return new ParsedReply.Unparsed(Reason.EMPTY, "empty reply");
    }
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
    String compact = stripWhitespace(normalized);
    if (compact.codePointCount(0, compact.length()) > MAX_CHARS) {
      return new ParsedReply.Unparsed(
          Reason.TOO_LONG, "reply longer than " + MAX_CHARS + " characters");
    }
    String core = lettersAndDigits(compact);
    if (core.isEmpty()) {
      return new ParsedReply.Unparsed(Reason.NO_RATING, "only punctuation");
    }
    if (core.length() == 1) {
      int numeral = Math.max(CHINESE_NUMERALS.indexOf(core), CAPITAL_NUMERALS.indexOf(core));
      if (numeral >= 0) {
        return new ParsedReply.Rating(
            RatingLevel.ofCode(numeral + 1).orElseThrow(), core, Confidence.HIGH);
      }
    }

    List<Found> hits = new ArrayList<>();
    ParsedReply problem = scanWords(compact, hits);
    if (problem != null) {
      return problem;
    }
    // Digits are read before whitespace is removed: "工单 20240512007 2" holds two numbers.
    problem = scanDigits(normalized, hits);
    if (problem != null) {
      return problem;
    }
    hits.sort(Comparator.comparingInt(Found::at));
    List<Word> found = hits.stream().map(Found::word).toList();
    if (found.isEmpty()) {
      return new ParsedReply.Unparsed(Reason.NO_RATING, "no rating digit or word");
    }
    Set<RatingLevel> levels = new LinkedHashSet<>();
    StringBuilder matched = new StringBuilder();
    boolean synonym = false;
    for (Word w : found) {
      levels.add(w.level());
      matched.append(w.text());
      synonym |= w.synonym();
    }
    if (levels.size() > 1) {
      return new ParsedReply.Unparsed(
          Reason.CONFLICTING, "more than one rating: " + describe(found));
    }
    boolean onlyTokens = lettersAndDigits(matched.toString()).equals(core);
    Confidence confidence = onlyTokens && !synonym ? Confidence.HIGH : Confidence.MEDIUM;
    return new ParsedReply.Rating(levels.iterator().next(), matched.toString(), confidence);
  }

  private static ParsedReply scanWords(String s, List<Found> found) {
    int i = 0;
    outer:
    while (i < s.length()) {
      for (Word w : WORDS) {
        if (s.startsWith(w.text(), i)) {
          String before = s.substring(0, i);
          for (String hedge : HEDGES) {
            if (before.endsWith(hedge)) {
              return new ParsedReply.Unparsed(
                  Reason.HEDGED, "wording matches no level exactly: " + hedge + w.text());
            }
          }
          found.add(new Found(w, i));
          i += w.text().length();
          continue outer;
        }
      }
      i++;
    }
    return null;
  }

  private static ParsedReply scanDigits(String s, List<Found> found) {
    int i = 0;
    while (i < s.length()) {
      if (!isAsciiDigit(s.charAt(i))) {
        i++;
        continue;
      }
      int compactAt = stripWhitespace(s.substring(0, i)).length();
      int start = i;
      while (i < s.length() && isAsciiDigit(s.charAt(i))) {
        i++;
      }
      String run = s.substring(start, i);
      if (run.length() >= 4) {
        continue; // a ticket number, phone number or date, not an answer
      }
      if (run.length() > 1) {
        return new ParsedReply.Unparsed(Reason.AMBIGUOUS_NUMBER, "number " + run + " is not 1-5");
      }
      String after = stripWhitespace(s.substring(i));
      if (!after.isEmpty() && SCORE_UNITS.indexOf(after.charAt(0)) >= 0) {
        return new ParsedReply.Unparsed(
            Reason.AMBIGUOUS_NUMBER, "score-like answer " + run + after.charAt(0));
      }
      int digit = run.charAt(0) - '0';
      var level = RatingLevel.ofCode(digit);
      if (level.isEmpty()) {
        return new ParsedReply.Unparsed(Reason.OUT_OF_RANGE, "digit " + digit + " is not 1-5");
      }
      found.add(new Found(new Word(run, level.get(), false), compactAt));
    }
    return null;
  }

  private static String describe(List<Word> found) {
    StringBuilder b = new StringBuilder();
    for (Word w : found) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(w.text()).append('=').append(w.level().label());
    }
    return b.toString();
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String stripWhitespace(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
        .forEach(b::appendCodePoint);
    return b.toString();
  }

  private static String lettersAndDigits(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
    return b.toString();
  }
}
