package org.open12345.hotline.followup;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a citizen's SMS answer to the follow-up question (「是否已解决？回复1已解决 2未解决」).
 * Only a clear answer counts: the digit, words that say solved or not solved, or both when they
 * agree; anything else (a digit with words that contradict it, 「好」, a new complaint) is left
 * for a person, never guessed.
 */
public final class FollowUpReplyParser {
  /** Punctuation, spaces and the particles and courtesies citizens add (「1。」「已解决了，谢谢」). */
  private static final Pattern NOISE = Pattern.compile("[\\s\\p{P}\\p{S}]+|谢谢|感谢|您好|你好|了|的|啊|呢");
  private static final Pattern NOT_SOLVED = Pattern.compile("(问题|事情)?(还没有|还没|没有|尚未|仍未|未|没|不)(被)?(解决|处理|办好|修好)");
  private static final Pattern SOLVED = Pattern.compile("(问题|事情)?(已经|已|都)?(解决|处理好|办好|修好)");
  private static final int MAX_LENGTH = 20;

  private FollowUpReplyParser() {}

  public static Optional<FollowUpResult> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = NOISE.matcher(text.replace('１', '1').replace('２', '2')).replaceAll("");
    if (t.isEmpty() || t.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    FollowUpResult digit = t.startsWith("1") ? FollowUpResult.SOLVED
        : t.startsWith("2") ? FollowUpResult.NOT_SOLVED : null;
    String words = digit == null ? t : t.substring(1);
    if (words.isEmpty()) {
      return Optional.ofNullable(digit);
    }
    FollowUpResult said = NOT_SOLVED.matcher(words).matches() ? FollowUpResult.NOT_SOLVED
        : SOLVED.matcher(words).matches() ? FollowUpResult.SOLVED : null;
    if (said == null || (digit != null && digit != said)) {
      return Optional.empty();
    }
    return Optional.of(said);
  }
}
