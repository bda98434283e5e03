package org.open12345.hotline.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (standardwebhooks.com), both ways: the {@code webhook} channel signs
 * what it sends, the {@code generic} SMS webhook verifies what it receives. Headers
 * {@code webhook-id}, {@code webhook-timestamp} (unix seconds) and {@code webhook-signature}:
 * space-separated {@code v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)>}.
 *
 * <p>The secret is {@code whsec_} + base64 key bytes; as in the reference libraries the prefix may
 * be left out, but the rest must be base64, so a mistyped secret fails at startup (endpoints) or
 * is named in the refusal's reason (inbound). Inbound timestamps more than 5 minutes from now
 * (either way) are refused against replays.
 */
public final class StandardWebhookSignature {
  public static final String SECRET_PREFIX = "whsec_";
  public static final Duration TOLERANCE = Duration.ofMinutes(5);
  // Compiled once: String.matches and split(" +") compiled them at every delivery checked.
  private static final Pattern UNIX_SECONDS = Pattern.compile("\\d{1,12}");
  private static final Pattern SPACES = Pattern.compile(" +");
  /** One Mac per thread: Mac.getInstance's provider lookup cost more than the HMAC of a body. */
  private static final ThreadLocal<Mac> HMAC_SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return Mac.getInstance("HmacSHA256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
    }
  });

  /** A verification's verdict; {@code reason} is for the log. */
  public record Result(boolean valid, String reason) {}

  private StandardWebhookSignature() {}

  /** The key bytes of a {@code whsec_...} (or bare base64) secret. */
  public static byte[] keyOf(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("webhook secret is empty");
    }
    String s = secret.trim();
    byte[] key;
    try {
      key = Base64.getDecoder().decode(s.startsWith(SECRET_PREFIX) ? s.substring(SECRET_PREFIX.length()) : s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("webhook secret is not " + SECRET_PREFIX + " followed by base64", e);
    }
    if (key.length == 0) {
      throw new IllegalArgumentException("webhook secret has no key after " + SECRET_PREFIX);
    }
    return key;
  }

  /** The {@code webhook-signature} value for a body. */
  public static String sign(byte[] key, String messageId, long timestampSeconds, byte[] body) {
    return "v1," + Base64.getEncoder().encodeToString(hmac(key, messageId, Long.toString(timestampSeconds), body));
  }

  public static String sign(byte[] key, String messageId, long timestampSeconds, String body) {
    return sign(key, messageId, timestampSeconds, body.getBytes(StandardCharsets.UTF_8));
  }

  public static String sign(String secret, String messageId, long timestampSeconds, byte[] body) {
    return sign(keyOf(secret), messageId, timestampSeconds, body);
  }

  /** Checks a delivery's three headers against its raw body. */
  public static Result verify(String secret, String webhookId, String webhookTimestamp, byte[] body,
      String signatureHeader, Instant now) {
    if (webhookId == null || webhookId.isBlank()) {
      return new Result(false, "webhook-id missing");
    }
    if (webhookTimestamp == null || !UNIX_SECONDS.matcher(webhookTimestamp.trim()).matches()) {
      return new Result(false, "webhook-timestamp missing or not unix seconds");
    }
    if (signatureHeader == null || signatureHeader.isBlank()) {
      return new Result(false, "webhook-signature missing");
    }
    Instant sent = Instant.ofEpochSecond(Long.parseLong(webhookTimestamp.trim()));
    if (Duration.between(sent, now).abs().compareTo(TOLERANCE) > 0) {
      return new Result(false, "webhook-timestamp outside the 5 minute tolerance");
    }
    byte[] key;
    try {
      key = keyOf(secret);
    } catch (IllegalArgumentException e) {
      return new Result(false, "configured secret is not whsec_<base64>");
    }
    byte[] expected = hmac(key, webhookId, webhookTimestamp.trim(), body);
    for (String candidate : SPACES.split(signatureHeader.trim())) {
      int comma = candidate.indexOf(',');
      if (comma < 0 || !candidate.substring(0, comma).equals("v1")) {
        continue; // other versions (v1a asymmetric) are not ours
      }
      byte[] presented;
      try {
        presented = Base64.getDecoder().decode(candidate.substring(comma + 1));
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (MessageDigest.isEqual(expected, presented)) {
        return new Result(true, "ok");
      }
    }
    return new Result(false, "no matching v1 signature");
  }

  public static Result verify(String secret, String webhookId, String webhookTimestamp, String body,
      String signatureHeader, Instant now) {
    return verify(secret, webhookId, webhookTimestamp, body.getBytes(StandardCharsets.UTF_8), signatureHeader, now);
  }

  private static byte[] hmac(byte[] key, String id, String timestamp, byte[] body) {
    try {
      Mac mac = HMAC_SHA256.get();
      mac.init(new SecretKeySpec(key, "HmacSHA256")); // init also resets what a failed use left
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
    }
  }
}
