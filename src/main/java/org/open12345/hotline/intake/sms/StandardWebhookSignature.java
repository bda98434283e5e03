package org.open12345.hotline.intake.sms;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (standardwebhooks.com), used by the {@code generic} SMS format:
 * headers {@code webhook-id}, {@code webhook-timestamp} (unix seconds) and
 * {@code webhook-signature}: space-separated {@code v1,<base64 HMAC-SHA256(key, id + "." +
 * timestamp + "." + body)>}, where key is the Base64-decoded part of the {@code whsec_...} secret.
 * Timestamps more than 5 minutes away from now (either way) are refused against replays.
 */
public final class StandardWebhookSignature {
  public static final Duration TOLERANCE = Duration.ofMinutes(5);
  private static final String SECRET_PREFIX = "whsec_";

  /** The verdict; {@code reason} is for the log. */
  public record Result(boolean valid, String reason) {}

  private StandardWebhookSignature() {}

  public static Result verify(
      String secret,
      String webhookId,
      String webhookTimestamp,
      byte[] body,
      String signatureHeader,
      Instant now) {
    if (webhookId == null || webhookId.isBlank()) {
      return new Result(false, "webhook-id missing");
    }
    if (webhookTimestamp == null || !webhookTimestamp.trim().matches("\\d{1,12}")) {
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
      key = decodeSecret(secret);
    } catch (IllegalArgumentException e) {
      return new Result(false, "configured secret is not whsec_<base64>");
    }
    byte[] expected = hmac(key, webhookId, webhookTimestamp.trim(), body);
    for (String candidate : signatureHeader.trim().split(" +")) {
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

  public static Result verify(
      String secret, String webhookId, String webhookTimestamp, String body, String header, Instant now) {
    return verify(secret, webhookId, webhookTimestamp, body.getBytes(StandardCharsets.UTF_8), header, now);
  }

  /** The {@code webhook-signature} value for a body: for tests and for gateways we write. */
  public static String sign(String secret, String webhookId, long timestamp, byte[] body) {
    return "v1,"
        + Base64.getEncoder()
            .encodeToString(hmac(decodeSecret(secret), webhookId, Long.toString(timestamp), body));
  }

  private static byte[] decodeSecret(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("empty secret");
    }
    String s = secret.trim();
    return Base64.getDecoder().decode(s.startsWith(SECRET_PREFIX) ? s.substring(SECRET_PREFIX.length()) : s);
  }

  private static byte[] hmac(byte[] key, String id, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
