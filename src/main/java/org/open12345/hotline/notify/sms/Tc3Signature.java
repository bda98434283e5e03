package org.open12345.hotline.notify.sms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tencent Cloud API 3.0 signature, TC3-HMAC-SHA256, for a JSON POST to {@code /}: canonical
 * request over content-type, host and x-tc-action; credential scope {@code date/service/tc3_request};
 * signing key derived from {@code "TC3" + SecretKey} through the date, the service and
 * {@code tc3_request}.
 */
public final class Tc3Signature {

  public static final String ALGORITHM = "TC3-HMAC-SHA256";
  public static final String CONTENT_TYPE = "application/json; charset=utf-8";
  public static final String SIGNED_HEADERS = "content-type;host;x-tc-action";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private Tc3Signature() {}

  public static String canonicalRequest(String host, String action, String payload) {
    return "POST\n/\n\n"
        + "content-type:" + CONTENT_TYPE + "\n"
        + "host:" + host + "\n"
        + "x-tc-action:" + action.toLowerCase(Locale.ROOT) + "\n"
        + "\n"
        + SIGNED_HEADERS + "\n"
        + sha256Hex(payload);
  }

  public static String credentialScope(long timestamp, String service) {
    return DATE.format(Instant.ofEpochSecond(timestamp)) + "/" + service + "/tc3_request";
  }

  public static String stringToSign(long timestamp, String service, String canonicalRequest) {
    return ALGORITHM + "\n" + timestamp + "\n" + credentialScope(timestamp, service) + "\n"
        + sha256Hex(canonicalRequest);
  }

  public static String signature(String secretKey, long timestamp, String service, String stringToSign) {
    String date = DATE.format(Instant.ofEpochSecond(timestamp));
    byte[] secretDate = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
    byte[] secretService = hmac(secretDate, service);
    byte[] secretSigning = hmac(secretService, "tc3_request");
    return HexFormat.of().formatHex(hmac(secretSigning, stringToSign));
  }

  /** The {@code Authorization} header value for one request. */
  public static String authorization(
      String secretId, String secretKey, String service, String host, String action,
      long timestamp, String payload) {
    String toSign = stringToSign(timestamp, service, canonicalRequest(host, action, payload));
    return ALGORITHM
        + " Credential=" + secretId + "/" + credentialScope(timestamp, service)
        + ", SignedHeaders=" + SIGNED_HEADERS
        + ", Signature=" + signature(secretKey, timestamp, service, toSign);
  }

  static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
    }
  }
}
