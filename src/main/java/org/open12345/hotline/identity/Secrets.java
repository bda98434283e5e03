package org.open12345.hotline.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Random secrets and their stored form. Session ids and API tokens carry 256 random bits, so the
 * database keeps only their SHA-256: a fast hash, since nobody can guess such a value anyway,
 * and a stolen table opens no session and authenticates no machine.
 */
final class Secrets {
  /** Tokens are recognisable (secret scanners, logs) by their prefix. */
  static final String TOKEN_PREFIX = "hl_";
  private static final Pattern TOKEN = Pattern.compile("hl_[A-Za-z0-9_-]{43}");
  private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_-]{43}");
  // No 0/O, 1/l/I: one-time passwords are read aloud or typed from a printout.
  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  private static final String DIGITS = "23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  static String newSessionId() {
    return random256();
  }

  static String newToken() {
    return TOKEN_PREFIX + random256();
  }

  /** A CSRF token for a session. */
  static String newCsrfToken() {
    return random256();
  }

  static boolean looksLikeToken(String s) {
    return s != null && TOKEN.matcher(s).matches();
  }

  static boolean looksLikeSessionId(String s) {
    return s != null && SESSION.matcher(s).matches();
  }

  /** 16 characters with upper, lower and digits: meets {@link PasswordRules}, about 93 bits. */
  static String newOneTimePassword() {
    String all = UPPER + LOWER + DIGITS;
    char[] out = new char[16];
    out[0] = UPPER.charAt(RANDOM.nextInt(UPPER.length()));
    out[1] = LOWER.charAt(RANDOM.nextInt(LOWER.length()));
    out[2] = DIGITS.charAt(RANDOM.nextInt(DIGITS.length()));
    for (int i = 3; i < out.length; i++) {
      out[i] = all.charAt(RANDOM.nextInt(all.length()));
    }
    for (int i = out.length - 1; i > 0; i--) {
      int j = RANDOM.nextInt(i + 1);
      char t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return new String(out);
  }

  static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String random256() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
