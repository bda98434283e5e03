package org.open12345.hotline.intake.voice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * One call event as every voice platform format reads it.
 *
 * @param provider {@code generic}, {@code aliyun} or {@code huawei}
 * @param callId the platform's call id; all events of one call share it
 * @param event what happened
 * @param from the calling number, normalized ({@code anonymous} kept as is)
 * @param to the called number, normalized: picks the hotline for merged hotlines
 * @param direction IN for citizens calling the centre
 * @param cause hang-up cause in Zammad's words ({@code normalClearing, busy, cancel, noAnswer,
 *     congestion, notFound, forwarded}); codes without an equivalent are kept as
 *     {@code <provider>:<code>}; null when not a hang-up
 * @param agent the operator involved (Zammad {@code user}/{@code answeringNumber}, Huawei
 *     {@code serviceNo}), or null
 * @param answeredAt when an operator (or the called party) picked up, or null if never
 * @param recordingUrl link or path to the recording, or null
 * @param transcript ASR text of the caller (voicemail or whole call), or null
 * @param keypadDigits digits pressed in the after-call rating menu, or null
 * @param at when the event happened (the platform's time, else arrival time)
 * @param raw this event's part of the payload, for the raw log
 */
public record CallEvent(
    String provider,
    String callId,
    CallEventType event,
    String from,
    String to,
    CallDirection direction,
    String cause,
    String agent,
    Instant answeredAt,
    String recordingUrl,
    String transcript,
    String keypadDigits,
    Instant at,
    String raw) {
  public CallEvent {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(raw, "raw");
  }

  /**
   * The idempotency key of this event in the call log. A call has one NEW_CALL, ANSWER and HANGUP,
   * so those are keyed by call id and type; REPORTs may legitimately come several times (ASR text
   * first, keypad digits later), so they add a hash of their raw payload, which a retry repeats.
   */
  public String eventKey() {
    String base = provider + ":" + callId + ":" + event.name().toLowerCase(Locale.ROOT);
    if (event != CallEventType.REPORT) {
      return base;
    }
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
      return base + ":" + HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
