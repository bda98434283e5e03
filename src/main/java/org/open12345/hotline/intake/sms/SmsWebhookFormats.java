package org.open12345.hotline.intake.sms;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The SMS formats by their {provider} path segment. */
public final class SmsWebhookFormats {
  private static final Map<String, SmsWebhookFormat> BY_PROVIDER =
      List.of(
              new AliyunSmsUpFormat(),
              new TencentSmsReplyFormat(),
              new TwilioSmsFormat(),
              new GenericSmsFormat())
          .stream()
          .collect(Collectors.toUnmodifiableMap(SmsWebhookFormat::provider, Function.identity()));

  private SmsWebhookFormats() {}

  public static Optional<SmsWebhookFormat> byProvider(String provider) {
    return Optional.ofNullable(provider == null ? null : BY_PROVIDER.get(provider));
  }
}
