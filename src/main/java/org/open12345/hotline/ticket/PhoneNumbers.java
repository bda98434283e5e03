package org.open12345.hotline.ticket;

/**
 * Brings caller numbers to one form so the same citizen matches across channels: mainland numbers
 * lose +86/0086/86 and separators ({@code +86 138-0013-8000} → {@code 13800138000}, landlines
 * get their trunk 0 back: {@code +86 10 5555 1234} → {@code 01055551234}); foreign
 * numbers keep a leading {@code +}; non-numbers such as {@code anonymous} are returned trimmed.
 */
public final class PhoneNumbers {
  private PhoneNumbers() {}

  public static String normalize(String raw) {
    if (raw == null) {
      return null;
    }
    String t = raw.trim();
    StringBuilder digits = new StringBuilder();
    boolean plus = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c >= '０' && c <= '９') {
        digits.append((char) ('0' + (c - '０')));
      } else if ((c == '+' || c == '＋') && digits.length() == 0) {
        plus = true;
      } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '\u3000' && c != '.') {
        return t; // "anonymous", SIP URIs: not a phone number we can rewrite
      }
    }
    if (digits.length() == 0) {
      return t;
    }
    String d = digits.toString();
    if (!plus && d.startsWith("00")) {
      plus = true;
      d = d.substring(2);
    }
    if (plus) {
      return d.startsWith("86") ? domestic(d.substring(2)) : "+" + d;
    }
    // A bare 86 prefix is only dropped from mobile numbers: 86 is also a valid start of a local
    // landline number, but 13 digits starting with 861 can only be country code + mobile.
    if (d.length() == 13 && d.startsWith("861")) {
      return d.substring(2);
    }
    return d;
  }

  /** Mobile numbers are 11 digits starting with 1; landlines get back their trunk prefix 0. */
  private static String domestic(String national) {
    if (national.length() == 11 && national.startsWith("1")) {
      return national;
    }
    return national.startsWith("0") ? national : "0" + national;
  }

  /** Joins a separate country code (Tencent's nationcode) to a number. */
  public static String withCountryCode(String countryCode, String number) {
    if (countryCode == null || countryCode.isBlank() || countryCode.trim().equals("86")) {
      return normalize(number);
    }
    String cc = countryCode.trim().replace("+", "");
    return normalize("+" + cc + number.trim());
  }
}
