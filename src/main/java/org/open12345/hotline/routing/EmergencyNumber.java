package org.open12345.hotline.routing;

import java.util.List;

/**
 * An emergency service that stays outside 12345 (110/119/120/122). A description containing one of
 * {@code words} and none of {@code unless} marks a call to transfer at once: {@code unless} keeps
 * "火灾隐患" (a fire hazard, a normal 12345 matter) from being taken for a fire.
 */
public record EmergencyNumber(String number, String name, List<String> words, List<String> unless) {
  public EmergencyNumber {
    words = List.copyOf(words);
    unless = List.copyOf(unless);
  }
}
