package org.open12345.hotline.notify.sms;

/**
 * Phone numbers as each provider wants them. Citizens' numbers arrive as typed (11-digit
 * mainland mobiles, sometimes with +86 or 0086, spaces or dashes).
 */
public final class PhoneNumbers {

  private PhoneNumbers() {}

  /** E.164 ({@code +8613800138000}); numbers without a country code get {@code defaultCountryCode}. */
  public static String e164(String raw, String defaultCountryCode) {
    String digits = raw.replaceAll("[\\s\\-()]", "");
    if (digits.startsWith("+")) {
      return digits;
    }
    if (digits.startsWith("00")) {
      return "+" + digits.substring(2);
    }
    String country = defaultCountryCode.startsWith("+") ? defaultCountryCode : "+" + defaultCountryCode;
    return country + digits;
  }

  /**
   * Aliyun's form: mainland numbers bare (11 digits), others as country code + number without
   * a plus sign.
   */
  public static String aliyun(String raw) {
    String e164 = e164(raw, "+86");
    return e164.startsWith("+86") ? e164.substring(3) : e164.substring(1);
  }
}
