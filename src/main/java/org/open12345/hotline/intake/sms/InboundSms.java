package org.open12345.hotline.intake.sms;

import java.time.Instant;
import java.util.Objects;

/**
 * One citizen SMS (上行/MO) as every provider format reads it.
 *
 * @param provider {@code aliyun}, {@code tencent}, {@code twilio} or {@code generic}
 * @param providerMessageId unique per provider: the provider's id, or a {@code sha256:} content
 *     key for formats that have none (see {@link org.open12345.hotline.intake.ContentKey})
 * @param phone the sender, normalized by {@link org.open12345.hotline.ticket.PhoneNumbers}
 * @param text the message as sent
 * @param receivedAt the provider's time of the message, or the arrival time if it has none
 * @param destination the number or extension code the citizen wrote to (picks the hotline and
 *     the prompt); may be null
 * @param raw this message's own part of the payload, for the raw log
 */
public record InboundSms(
    String provider,
    String providerMessageId,
    String phone,
    String text,
    Instant receivedAt,
    String destination,
    String raw) {
  public InboundSms {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(providerMessageId, "providerMessageId");
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(raw, "raw");
  }
}
