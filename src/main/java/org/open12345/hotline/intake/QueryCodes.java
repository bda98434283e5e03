package org.open12345.hotline.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The short code a citizen uses with the ticket number to look up a ticket of any channel (web,
 * SMS, phone). Six characters from an alphabet without look-alikes (no 0/O, 1/I/L); stored only as
 * SHA-256 of number + code, so the table alone does not let anyone read tickets. Guessing is
 * slowed by the lookup limit.
 */
public final class QueryCodes {
  private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private QueryCodes() {}

  public static String generate() {
    StringBuilder b = new StringBuilder(6);
    for (int i = 0; i < 6; i++) {
      b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  public static String hash(String ticketNumber, String code) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(
          (ticketNumber + ":" + code.trim().toUpperCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean matches(String ticketNumber, String code, String storedHash) {
    if (code == null || code.isBlank() || storedHash == null) {
      return false;
    }
    return MessageDigest.isEqual(hash(ticketNumber, code).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
