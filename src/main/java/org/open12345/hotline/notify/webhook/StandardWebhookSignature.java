package org.open12345.hotline.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures as the Standard Webhooks specification defines them: the secret is
 * {@code whsec_} + base64 key bytes; the signed content is {@code id.timestamp.body}; the
 * header value is {@code v1,} + base64(HMAC-SHA256).
 */
public final class StandardWebhookSignature {

  public static final String SECRET_PREFIX = "whsec_";

  private StandardWebhookSignature() {}

  /** The key bytes of a {@code whsec_...} secret; rejects anything else so a typo fails at startup. */
  public static byte[] keyOf(String secret) {
    if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
      throw new IllegalArgumentException("webhook secret must start with " + SECRET_PREFIX);
    }
    try {
      return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("webhook secret is not whsec_ followed by base64", e);
    }
  }

  public static String sign(byte[] key, String messageId, long timestampSeconds, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] raw = mac.doFinal((messageId + "." + timestampSeconds + "." + body)
          .getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(raw);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
    }
  }
}
