package org.open12345.hotline.routing;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.classification.tokenizers.ITokenizer;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;

/**
 * The features the naive-Bayes model reads: HanLP's words (暖气, 室温) plus the character pairs of
 * every run of Chinese characters, so a word the segmenter does not know (井盖丢, 水发黄, a
 * typo) still counts through its pairs. Serializable: it is stored inside the model.
 */
final class TextTokenizer implements ITokenizer {
  private static final long serialVersionUID = 1L;

  @Override
  public String[] segment(String text) {
    List<String> out = new ArrayList<>();
    for (Term t : HanLP.segment(text)) {
      String w = t.word;
      if (w.length() >= 2 || (w.length() == 1 && isHan(w.charAt(0)) && !t.nature.startsWith("w"))) {
        out.add(w);
      }
    }
    for (int i = 0; i + 1 < text.length(); i++) {
      if (isHan(text.charAt(i)) && isHan(text.charAt(i + 1))) {
        out.add("#" + text.charAt(i) + text.charAt(i + 1));
      }
    }
    return out.toArray(String[]::new);
  }

  private static boolean isHan(char c) {
    // the common ideographs (assigned since Unicode 1.1) without the script table's binary search:
    // the check runs twice per character of every text a training reads
    return (c >= '\u4E00' && c <= '\u9FA5') || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }
}
