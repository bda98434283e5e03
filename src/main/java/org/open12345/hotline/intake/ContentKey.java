package org.open12345.hotline.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The idempotency key for formats that carry no message id (Tencent): lowercase hex SHA-256 of
 * {@code phone + "\n" + epochSecond + "\n" + text}, phone already normalized. A retry carries
 * the same three values; two genuinely identical texts in the same second from one phone are
 * merged, which is the accepted cost.
 */
public final class ContentKey {
  private ContentKey() {}

  public static String of(String phone, Instant at, String text) {
    String material = phone + "\n" + at.getEpochSecond() + "\n" + text;
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
