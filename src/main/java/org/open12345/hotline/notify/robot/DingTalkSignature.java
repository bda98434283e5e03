package org.open12345.hotline.notify.robot;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * DingTalk custom robot "加签": {@code sign = urlEncode(base64(HmacSHA256(secret,
 * timestamp + "\n" + secret)))}, timestamp in epoch milliseconds; DingTalk rejects a timestamp
 * more than an hour away from its clock.
 */
public final class DingTalkSignature {

  private DingTalkSignature() {}

  public static String sign(long timestampMillis, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] raw = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(raw);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
    }
  }

  /** The signature as it goes into the query string. */
  public static String urlEncodedSign(long timestampMillis, String secret) {
    return URLEncoder.encode(sign(timestampMillis, secret), StandardCharsets.UTF_8);
  }
}
