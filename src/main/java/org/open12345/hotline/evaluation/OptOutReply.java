package org.open12345.hotline.evaluation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises an SMS that opts the phone out of rating prompts: 「退订」, 「TD」 or 「T」, the
 * replies Chinese carriers require bulk SMS to honour, alone (case, width, spaces and punctuation
 * do not matter), or 退订 naming what is unsubscribed (退订短信, 退订评价短信). Anything longer is
 * not an opt-out: 「退订了还在发」 is a complaint for a person.
 */
public final class OptOutReply {
  private static final Set<String> WORDS = Set.of("退订", "TD", "T", "退订短信", "退订评价", "退订评价短信");

  private OptOutReply() {}

  public static boolean isOptOut(String text) {
    if (text == null) {
      return false;
    }
    StringBuilder b = new StringBuilder();
    Normalizer.normalize(text, Normalizer.Form.NFKC).codePoints()
        .filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
    return WORDS.contains(b.toString().toUpperCase(Locale.ROOT));
  }
}
