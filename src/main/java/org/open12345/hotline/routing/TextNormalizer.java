package org.open12345.hotline.routing;

import com.hankcs.hanlp.HanLP;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The one form every free-text matcher reads: traditional characters as simplified (citizens in
 * Hong Kong style write 暖氣不熱), full-width letters and digits as half-width, lower case, and no
 * whitespace (an ASR transcript splits words with spaces: 着 火). Matchers see the same text, so a
 * word in the rule files matches however the citizen typed it.
 */
public final class TextNormalizer {
  private TextNormalizer() {}

  public static String normalize(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u200b') {
        sb.append(c);
      }
    }
    // HanLP keeps 著 (a valid simplified character too); in complaints it is almost always 着 (著火, 拿著)
    return HanLP.convertToSimplifiedChinese(sb.toString()).replace('著', '着');
  }
}
