package org.open12345.hotline.intake;

import java.nio.ByteBuffer;
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
  private static final int LENGTH = 6;
  /** ALPHABET.length() to the 6th (887,503,681): one draw covers every code, each equally likely. */
  private static final int CODES = Math.toIntExact(Math.round(Math.pow(ALPHABET.length(), LENGTH)));
  /** One digest per thread: the provider lookup of getInstance cost more than the hash itself. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  });

  private QueryCodes() {}

  public static String generate() {
    // One draw from the secure generator instead of six (it takes a lock and mixes at each).
    return spell(RANDOM.nextInt(CODES));
  }

  private static String spell(int n) {
    char[] code = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      code[i] = ALPHABET.charAt(n % ALPHABET.length());
      n /= ALPHABET.length();
    }
    return new String(code);
  }

  /**
   * The code drawn from a secret instead of the random generator: the same secret gives the same
   * code, so an answer can be given again without the code being stored (a web complaint's
   * replay). The secret's first 8 bytes are reduced onto the codes; the bias is under 1e-10.
   */
  public static String derive(byte[] secret) {
    if (secret.length < Long.BYTES) {
      throw new IllegalArgumentException("a secret of at least 8 bytes");
    }
    long n = Long.remainderUnsigned(ByteBuffer.wrap(secret).getLong(), CODES);
    return spell((int) n);
  }

  public static String hash(String ticketNumber, String code) {
    byte[] d = SHA_256.get().digest(
        (ticketNumber + ":" + code.trim().toUpperCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(d);
  }

  public static boolean matches(String ticketNumber, String code, String storedHash) {
    if (code == null || code.isBlank() || storedHash == null) {
      return false;
    }
    return MessageDigest.isEqual(hash(ticketNumber, code).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
