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
 * <p>The rule is "never guess silently": a reply becomes a rating only when it is one, every
 * rating-like token in it points at the same level, and the reading does not rest on a lone digit
 * among other words. Accepted forms:
 *
 * <ul>
 *   <li>one digit 1..5, ASCII or full-width (NFKC folds １ and ① to 1), alone or with courtesy
 *       words only ({@code 2 谢谢}, {@code 【回复】3}, {@code 我选2}); digit runs of 4 or more
 *       characters are treated as ticket or phone numbers and ignored;
 *   <li>a Chinese numeral 一..五 (or 壹..伍) only when it is the whole reply;
 *   <li>the five labels, longest first (非常不满意 before 不满意 before 满意), anywhere in the text
 *       ({@code 满意，谢谢}, {@code 对处理结果不满意，路灯还是不亮});
 *   <li>colloquial intensifiers, decided here: 很/十分/特别满意 → 非常满意 and 很/十分/特别不满意 →
 *       非常不满意, reported with MEDIUM confidence so a person can review them.
 * </ul>
 *
 * A number that is part of a place or a quantity ({@code 1号楼}, {@code 5楼}, {@code 3单元},
 * {@code 第2次}) is not an answer. Not ratings:
 *
 * <ul>
 *   <li>{@link Reason#REQUEST}: no rating, and the text reads as a request: a sentence of
 *       {@value #REQUEST_CHARS} or more characters beyond courtesy words, or {@value
 *       #PLACE_REQUEST_CHARS} or more that name a place with a number ({@code 1号楼的路灯又坏了},
 *       {@code 5楼卫生间漏水}); the SMS becomes a ticket;
 *   <li>{@link Reason#TOO_LONG}: longer than {@value #MAX_CHARS} characters (a new request);
 *   <li>{@link Reason#BARE_DIGIT}: the only rating is a lone digit among other words ({@code 2
 *       路灯}, {@code 我觉得3吧还行}): a person settles it, and it stays out of every figure until then;
 *   <li>empty text, numbers of 2-3 digits ({@code 12}, {@code 10:30}), digits 0 and 6-9,
 *       score-like answers ({@code 5分}, whose meaning depends on the scale the citizen imagines),
 *       two different levels ({@code 1 或 2}, {@code 满意 但 不满意}), and hedged or negated wording
 *       ({@code 不太满意}, {@code 比较满意}, {@code 不是很满意}, {@code 满不满意}) which matches no
 *       level exactly; short texts with no rating ({@code 谢谢}, {@code 一般}).
 * </ul>
 */
public final class SmsReplyParser {

  /** Longer replies are requests or complaints, not answers to a prompt. */
  public static final int MAX_CHARS = 40;

  /** A reply with no rating and this many characters beyond courtesy words reads as a request. */
  public static final int REQUEST_CHARS = 6;

  /** As {@link #REQUEST_CHARS}, for a reply that names a place or quantity with a number. */
  public static final int PLACE_REQUEST_CHARS = 4;

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

  /**
   * Characters that, right after a number, make it part of a place or a quantity (1号楼, 5楼,
   * 3单元, 2小区, 10月, 3点, 5个) rather than an answer.
   */
  private static final String PLACE_UNITS = "号楼栋幢座单层室户门路街巷弄组排期区村队条米个次天日月年周点时元块岁位人辆台根盏处趟遍届级班间公千万百小%";

  /**
   * Words around an answer that change nothing (thanks, "I choose", "reply"); longest first. What
   * is left of a reply without its rating and these is "other words".
   */
  private static final List<String> COURTESY =
      List.of(
          "辛苦了", "谢谢", "感谢", "多谢", "辛苦", "好的", "收到", "回复", "评价", "工单", "我选", "您好", "你好",
          "你们", "您们", "谢", "好", "的", "了", "吧", "啊", "呀", "哦", "噢", "嗯", "哈", "呢", "选", "我",
          "给", "是", "您", "你", "就");

  /** What the digit scan found besides ratings. */
  private static final class Digits {
    /** Compact-text spans [start, end) of long digit runs (ticket or phone numbers), ignored. */
    final List<int[]> ignored = new ArrayList<>();
    /** Whether a number named a place or a quantity. */
    boolean place;
  }

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
    Digits digits = new Digits();
    problem = scanDigits(normalized, hits, digits);
    if (problem != null) {
      return problem;
    }
    hits.sort(Comparator.comparingInt(Found::at));
    String residue = residue(compact, hits, digits.ignored);
    int otherWords = withoutCourtesy(residue).length();
    if (hits.isEmpty()) {
      if (otherWords >= REQUEST_CHARS || (digits.place && otherWords >= PLACE_REQUEST_CHARS)) {
        return new ParsedReply.Unparsed(Reason.REQUEST, "no rating; reads as a request");
      }
      return new ParsedReply.Unparsed(Reason.NO_RATING, "no rating digit or word");
    }
    List<Word> found = hits.stream().map(Found::word).toList();
    Set<RatingLevel> levels = new LinkedHashSet<>();
    StringBuilder matched = new StringBuilder();
    boolean synonym = false;
    boolean anyWord = false;
    for (Word w : found) {
      levels.add(w.level());
      matched.append(w.text());
      synonym |= w.synonym();
      anyWord |= !isAsciiDigit(w.text().charAt(0));
    }
    if (levels.size() > 1) {
      return new ParsedReply.Unparsed(
          Reason.CONFLICTING, "more than one rating: " + describe(found));
    }
    RatingLevel level = levels.iterator().next();
    if (!anyWord && otherWords > 0) {
      return new ParsedReply.Unparsed(Reason.BARE_DIGIT,
          "digit " + matched + " (" + level.label() + ") among other words");
    }
    Confidence confidence = residue.isEmpty() && !synonym ? Confidence.HIGH : Confidence.MEDIUM;
    return new ParsedReply.Rating(level, matched.toString(), confidence);
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

  private static ParsedReply scanDigits(String s, List<Found> found, Digits digits) {
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
        // a ticket number, phone number or date, not an answer
        digits.ignored.add(new int[] {compactAt, compactAt + run.length()});
        continue;
      }
      String after = stripWhitespace(s.substring(i));
      char next = after.isEmpty() ? 0 : after.charAt(0);
      if (next != 0 && SCORE_UNITS.indexOf(next) >= 0) {
        return new ParsedReply.Unparsed(Reason.AMBIGUOUS_NUMBER, "score-like answer " + run + next);
      }
      // Only right after the number: "2 路灯" is an answer and a word, "3路" a bus line.
      char adjacent = i < s.length() ? s.charAt(i) : 0;
      String before = stripWhitespace(s.substring(0, start));
      if ((adjacent != 0 && PLACE_UNITS.indexOf(adjacent) >= 0) || before.endsWith("第")) {
        digits.place = true; // 1号楼, 5楼, 第2次: part of the text, not an answer
        continue;
      }
      if (run.length() > 1) {
        return new ParsedReply.Unparsed(Reason.AMBIGUOUS_NUMBER, "number " + run + " is not 1-5");
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

  /** The letters and digits of the reply that are neither a rating read nor an ignored number. */
  private static String residue(String compact, List<Found> hits, List<int[]> ignored) {
    boolean[] used = new boolean[compact.length()];
    for (Found f : hits) {
      java.util.Arrays.fill(used, f.at(), Math.min(compact.length(), f.at() + f.word().text().length()), true);
    }
    for (int[] span : ignored) {
      java.util.Arrays.fill(used, span[0], Math.min(compact.length(), span[1]), true);
    }
    StringBuilder rest = new StringBuilder();
    for (int i = 0; i < compact.length(); i++) {
      if (!used[i]) {
        rest.append(compact.charAt(i));
      }
    }
    return lettersAndDigits(rest.toString());
  }

  /** The residue without courtesy words: what is left is "other words". */
  private static String withoutCourtesy(String residue) {
    String rest = residue;
    for (String w : COURTESY) {
      rest = rest.replace(w, "");
    }
    return rest;
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
