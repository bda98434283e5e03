package org.open12345.hotline.notify.sms;

import org.open12345.hotline.notify.ConfigSection;

/**
 * The {@code messaging.sms.twilio} section. Twilio sends free text, so the rendered body goes
 * out as it is. Either {@code from} (a Twilio number) or {@code messagingServiceSid} is needed.
 */
public record TwilioSettings(
    String accountSid,
    String authToken,
    String from,
    String messagingServiceSid,
    String baseUrl,
    String defaultCountryCode,
    int timeoutMs) {

  public static TwilioSettings from(ConfigSection section) {
    String from = section.string("from", null);
    String service = section.string("messagingServiceSid", null);
    if (from == null && service == null) {
      throw new IllegalArgumentException(section.path() + ".from or " + section.path()
          + ".messagingServiceSid is required");
    }
    return new TwilioSettings(
        section.requireString("accountSid"),
        section.requireString("authToken"),
        from,
        service,
        section.string("baseUrl", "https://api.twilio.com"),
        section.string("defaultCountryCode", "+86"),
        section.integer("timeoutMs", 10_000));
  }
}
