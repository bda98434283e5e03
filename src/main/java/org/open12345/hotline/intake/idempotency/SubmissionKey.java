package org.open12345.hotline.intake.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.open12345.hotline.intake.QueryCodes;

/**
 * The idempotency key a web submission came with (the {@code Idempotency-Key} header of the JSON
 * API and of Open311, the form's hidden token), with the content it was sent with. Sent again with
 * the same content it names the same ticket; with other content it is refused. The key is a
 * secret of the client: the server keeps only its hash and derives the query code from it and a
 * stored salt, so the table alone gives neither.
 *
 * @param key the key as sent
 * @param keyHash SHA-256 of the key (within its scope, if it has one): what the table stores of it
 * @param contentHash SHA-256 of the submitted fields, sorted by name
 */
public record SubmissionKey(String key, String keyHash, String contentHash) {
  /** The IETF draft's header (draft-ietf-httpapi-idempotency-key-header), as Stripe and others use it. */
  public static final String HEADER = "Idempotency-Key";
  /** Set on an answer that repeats an earlier one for the same key (Stripe's name). */
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";
  /** As the IETF draft's examples: a UUID is 36; anything printable up to 255 is taken. */
  public static final int MAX_LENGTH = 255;
  private static final int SALT_BYTES = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Names the key by the start of its hash, never the key itself: with the salt in the table the
   * key gives the citizen's query code, so a log line or an exception message that printed this
   * record (a record's default {@code toString} shows every field) must not carry it.
   */
  @Override
  public String toString() {
    return "SubmissionKey[hash " + keyHash.substring(0, 12) + "…]";
  }

  /**
   * The key of a header or field with the content's fields; a key in double quotes (the draft's
   * structured-field string) is taken without them. The key names a submission among all the
   * web's (the portal's citizens have no account to scope it to).
   */
  public static SubmissionKey of(String raw, Map<String, String> fields) throws InvalidSubmissionKey {
    String key = unquoted(raw);
    return new SubmissionKey(key, sha256(key), contentHash(fields));
  }

  /**
   * As {@link #of(String, Map)}, for a key that names a submission only among one client's (an
   * Open311 client's API key): two clients' equal keys are two submissions. A scope has a NUL in
   * it, which no key has, so a scoped hash is never an unscoped key's hash.
   */
  public static SubmissionKey scoped(String scope, String raw, Map<String, String> fields) throws InvalidSubmissionKey {
    String key = unquoted(raw);
    return new SubmissionKey(key, sha256(scope + '\u0000' + key), contentHash(fields));
  }

  private static String unquoted(String raw) throws InvalidSubmissionKey {
    boolean quoted = raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"");
    String key = quoted ? raw.substring(1, raw.length() - 1) : raw;
    if (key.isBlank() || key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
      throw new InvalidSubmissionKey("幂等键应为1至" + MAX_LENGTH + "个可见ASCII字符（1-" + MAX_LENGTH
          + " printable ASCII characters, e.g. a UUID）");
    }
    return key;
  }

  private static String contentHash(Map<String, String> fields) {
    StringBuilder content = new StringBuilder();
    new TreeMap<>(fields).forEach((k, v) -> content.append(k).append('\u0000')
        .append(v == null ? "\u0001" : v).append('\u0000'));
    return sha256(content.toString());
  }

  /** A new salt for the code of a first submission. */
  public static byte[] newSalt() {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return salt;
  }

  /** The query code of the ticket this key made: the same for the same key and salt. */
  public String queryCode(byte[] salt) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      return QueryCodes.derive(mac.doFinal(key.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
