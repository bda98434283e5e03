package org.open12345.hotline.intake.sms;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's {@code X-Twilio-Signature} (twilio.com/docs/usage/security): Base64 of
 * HMAC-SHA1(auth token, full URL + each POST parameter name followed by its value, parameters
 * sorted by name). Repeated names contribute each value, values sorted, as Twilio's libraries do.
 *
 * <p>Like Twilio's own validators, the URL is also tried with the default port added or removed
 * ({@code https://host/x} vs {@code https://host:443/x}), because a proxy may report either.
 */
public final class TwilioSignature {
  private TwilioSignature() {}

  public static boolean isValid(
      String authToken, String fullUrl, Map<String, List<String>> params, String headerValue) {
    if (authToken == null || authToken.isEmpty() || headerValue == null || headerValue.isEmpty()) {
      return false;
    }
    byte[] presented = headerValue.trim().getBytes(StandardCharsets.US_ASCII);
    for (String url : urlVariants(fullUrl)) {
      byte[] expected = compute(authToken, url, params).getBytes(StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(expected, presented)) {
        return true;
      }
    }
    return false;
  }

  /** The signature Twilio would send; also used by tests and local tools that play Twilio. */
  public static String compute(String authToken, String fullUrl, Map<String, List<String>> params) {
    StringBuilder data = new StringBuilder(fullUrl);
    for (var entry : new TreeMap<>(params).entrySet()) {
      List<String> values = new ArrayList<>(entry.getValue());
      values.sort(null);
      for (String value : values) {
        data.append(entry.getKey()).append(value);
      }
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> urlVariants(String url) {
    Set<String> variants = new LinkedHashSet<>();
    variants.add(url);
    try {
      URI u = new URI(url);
      if (u.getScheme() == null || u.getHost() == null) {
        return variants;
      }
      int defaultPort = "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
      int port = u.getPort() == -1 ? defaultPort : u.getPort();
      if (port != defaultPort) {
        return variants;
      }
      String prefix = u.getScheme() + "://" + (u.getRawUserInfo() == null ? "" : u.getRawUserInfo() + "@") + u.getHost();
      String rest = url.substring(url.indexOf(u.getHost()) + u.getHost().length());
      if (u.getPort() == -1) {
        variants.add(prefix + ":" + defaultPort + rest);
      } else {
        variants.add(prefix + rest.substring((":" + defaultPort).length()));
      }
    } catch (URISyntaxException | StringIndexOutOfBoundsException e) {
      // a URL we cannot take apart is only tried as given
    }
    return variants;
  }
}
