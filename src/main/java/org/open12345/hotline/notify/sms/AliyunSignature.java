package org.open12345.hotline.notify.sms;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.SortedMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Aliyun RPC-style signature (SignatureVersion 1.0, HMAC-SHA1) as documented for dysmsapi:
 * RFC 3986 percent-encoding, parameters sorted by name, string to sign
 * {@code METHOD&%2F&percentEncode(canonicalQuery)}, key {@code AccessKeySecret + "&"}.
 */
public final class AliyunSignature {

  private AliyunSignature() {}

  /** URL-encoding with the three fixes Aliyun documents: space as %20, * as %2A, ~ kept. */
  public static String percentEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }

  public static String canonicalQuery(SortedMap<String, String> params) {
    return params.entrySet().stream()
        .map(e -> percentEncode(e.getKey()) + "=" + percentEncode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  public static String stringToSign(String method, SortedMap<String, String> params) {
    return method + "&" + percentEncode("/") + "&" + percentEncode(canonicalQuery(params));
  }

  public static String sign(String method, SortedMap<String, String> params, String accessKeySecret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec((accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      byte[] raw = mac.doFinal(stringToSign(method, params).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(raw);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every JRE", e);
    }
  }

  /** The full query string to send: the signed parameters plus {@code Signature}. */
  public static String signedQuery(String method, SortedMap<String, String> params, String secret) {
    return canonicalQuery(params) + "&Signature=" + percentEncode(sign(method, params, secret));
  }
}
