package org.open12345.hotline.ticket;

/**
 * Brings caller numbers to one form so the same citizen matches across channels: mainland numbers
 * lose +86/0086/86 and separators ({@code +86 138-0013-8000} → {@code 13800138000}, landlines
 * get their trunk 0 back: {@code +86 10 5555 1234} → {@code 01055551234}); foreign
 * numbers keep a leading {@code +}; non-numbers such as {@code anonymous} are returned trimmed.
 * The SMS providers' forms ({@link #e164}, {@link #national}) are derived from this one form, so
 * a number stored by any channel is dialled the same way.
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

  /**
   * E.164 ({@code +8613800138000}, {@code +861055551234}): the normal form with the country code in
   * front. A number without one gets {@code defaultCountryCode}, and a national number's trunk
   * prefix 0 is dropped (E.164 has no trunk prefix: {@code 010 5555 1234} is {@code +86 10 5555
   * 1234}).
   */
  public static String e164(String raw, String defaultCountryCode) {
    String n = normalize(raw);
    if (n == null || n.startsWith("+")) {
      return n;
    }
    String country = defaultCountryCode.trim().startsWith("+") ? defaultCountryCode.trim()
        : "+" + defaultCountryCode.trim();
    return country + (n.startsWith("0") ? n.substring(1) : n);
  }

  /**
   * Mainland numbers in their national form ({@code 13800138000}, {@code 01055551234}), others as
   * country code and number without the plus ({@code 85291234567}): what Aliyun's SMS API takes.
   */
  public static String national(String raw) {
    String n = normalize(raw);
    return n != null && n.startsWith("+") ? n.substring(1) : n;
  }
}
