package org.open12345.hotline.routing;

import java.util.List;

/**
 * An emergency service that stays outside 12345 (110/119/120/122). A description marks a call to
 * transfer at once when it holds one of {@code words} or one of the combinations in
 * {@code patterns} (刀 + 追: 「拿着刀追人」), unless one of {@code unless} stands right next to
 * that finding: {@code unless} keeps 「火灾隐患」 (a fire hazard, a normal 12345 matter) from being
 * taken for a fire, without hiding a real fire reported in the same message as a blocked fire lane.
 * Words are kept normalized (see {@link TextNormalizer}).
 */
public record EmergencyNumber(
    String number, String name, List<String> words, List<EmergencyPattern> patterns, List<String> unless) {
  public EmergencyNumber {
    words = List.copyOf(words);
    patterns = List.copyOf(patterns);
    unless = List.copyOf(unless);
  }

  public EmergencyNumber(String number, String name, List<String> words, List<String> unless) {
    this(number, name, words, List.of(), unless);
  }
}
