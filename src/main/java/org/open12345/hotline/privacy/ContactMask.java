package org.open12345.hotline.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides citizens' contacts where they need not be seen: a confidential ticket's phone and name in
 * what a department reads ({@code 138****8000}, {@code 张**}), and every phone number, URL
 * secret and query code in the server's logs. Plain Java.
 */
public final class ContactMask {
  // Digit boundaries keep 14-digit ticket numbers and other ids whole.
  private static final Pattern MOBILE = Pattern.compile("(?<![\\d*])(\\+?86)?(1[3-9]\\d)(\\d{4})(\\d{4})(?!\\d)");
  private static final Pattern LANDLINE = Pattern.compile("(?<![\\d*])(0\\d{2,3}-)(\\d{3,4})(\\d{4})(?!\\d)");
  private static final Pattern LANDLINE_DIGITS = Pattern.compile("(?<![\\d*])0\\d{9,11}(?!\\d)");
  private static final Pattern URL_SECRET = Pattern.compile(
      "(?i)([?&](?:secret|token|key|api_key|apikey|signature|sig|password|code)=)[^&\\s\"']+");
  /**
   * A query code (查询码) in a text sent to a citizen (the acknowledgement SMS): with the ticket
   * number it opens the citizen's complaint, so a log line must not carry it.
   */
  private static final Pattern QUERY_CODE = Pattern.compile("(查询码[:：]?\\s*)[A-Za-z0-9]{4,12}");

  private ContactMask() {}

  /** {@code 13800138000} → {@code 138****8000}; short or odd values keep at most their last 2 characters. */
  public static String phone(String phone) {
    if (phone == null || phone.isEmpty()) {
      return phone;
    }
    int n = phone.length();
    if (n >= 8) {
      return phone.substring(0, 3) + "*".repeat(n - 7) + phone.substring(n - 4);
    }
    return n <= 2 ? "*".repeat(n) : "*".repeat(n - 2) + phone.substring(n - 2);
  }

  /** {@code 张三丰} → {@code 张**}; a one-character name becomes {@code *}. */
  public static String name(String name) {
    if (name == null || name.isEmpty()) {
      return name;
    }
    int[] cps = name.codePoints().toArray();
    if (cps.length == 1) {
      return "*";
    }
    return new String(cps, 0, 1) + "*".repeat(cps.length - 1);
  }

  /**
   * A text about one citizen with their phone and name (exact occurrences) masked, e.g. an event's
   * details or a message to them; null or blank contacts are left alone.
   */
  public static String hide(String text, String phone, String name) {
    if (text == null) {
      return null;
    }
    String out = text;
    if (phone != null && phone.length() >= 3) {
      out = out.replace(phone, phone(phone));
    }
    if (name != null && !name.isBlank()) {
      out = out.replace(name, name(name));
    }
    return out;
  }

  /** Every phone number, URL secret and query code in a free text (a log line). */
  public static String inText(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    if (hasDigitRun(out)) {
      out = replace(MOBILE, out, m -> (m.group(1) == null ? "" : m.group(1)) + m.group(2) + "****" + m.group(4));
      out = replace(LANDLINE, out, m -> m.group(1) + "*".repeat(m.group(2).length()) + m.group(3));
      out = replace(LANDLINE_DIGITS, out, m -> phone(m.group()));
    }
    if (out.indexOf('=') >= 0) {
      out = URL_SECRET.matcher(out).replaceAll("$1***");
    }
    if (out.contains("查询码")) {
      out = QUERY_CODE.matcher(out).replaceAll("$1******");
    }
    return out;
  }

  private static String replace(Pattern p, String text, java.util.function.Function<Matcher, String> with) {
    Matcher m = p.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder sb = new StringBuilder();
    do {
      m.appendReplacement(sb, Matcher.quoteReplacement(with.apply(m)));
    } while (m.find());
    m.appendTail(sb);
    return sb.toString();
  }

  /** Most log lines have no run of 7 digits: skip the regexes for them. */
  private static boolean hasDigitRun(String s) {
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++run >= 7) {
          return true;
        }
      } else if (c != '-') {
        run = 0;
      }
    }
    return false;
  }
}
