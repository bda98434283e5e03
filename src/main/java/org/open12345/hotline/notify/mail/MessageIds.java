package org.open12345.hotline.notify.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Message-IDs derived from the outbox dedupe key: a resend after a lost acknowledgement
 * carries the same Message-ID, so receiving mail systems and people can spot the duplicate.
 */
public final class MessageIds {

  private MessageIds() {}

  public static String forDedupeKey(String dedupeKey, String domain) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(dedupeKey.getBytes(StandardCharsets.UTF_8));
      return "<" + HexFormat.of().formatHex(hash) + "@" + domain + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
