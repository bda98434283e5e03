package org.open12345.hotline.routing;

import java.util.regex.Pattern;

/** The shape of ids in the rule files: ascii so they survive URLs, logs and databases unchanged. */
final class Identifiers {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  private static final Pattern DIGITS = Pattern.compile("\\d+");

  private Identifiers() {}

  static boolean isId(String s) {
    return s != null && ID.matcher(s).matches();
  }

  static boolean isDigits(String s) {
    return s != null && DIGITS.matcher(s).matches();
  }

  static final String ID_RULE = "lower-case ascii letters, digits, '.', '_' or '-'";
}
