package org.open12345.hotline.identity;

import java.util.Locale;
import java.util.regex.Pattern;
import org.open12345.hotline.problem.InvalidField;

/**
 * Account and token names: 2 to 64 of a-z, 0-9, '.', '_', '-', starting with a letter or digit.
 * Case-insensitive (stored lower-case), so {@code Li.Wei} and {@code li.wei} are one account.
 */
final class AccountNames {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

  private AccountNames() {}

  /** The name in its stored form, or null when it is not a valid name (login lookups). */
  static String normalOrNull(String text) {
    if (text == null) {
      return null;
    }
    String n = text.trim().toLowerCase(Locale.ROOT);
    return NAME.matcher(n).matches() ? n : null;
  }

  static String normal(String field, String text) {
    String n = normalOrNull(text);
    if (n == null) {
      throw new InvalidField(field, "2 to 64 characters of a-z, 0-9, '.', '_', '-', starting with a letter or digit");
    }
    return n;
  }
}
