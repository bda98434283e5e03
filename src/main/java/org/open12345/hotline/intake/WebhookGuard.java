package org.open12345.hotline.intake;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Admits webhook calls from providers that do not sign their requests (Aliyun, Tencent, Huawei):
 * a shared secret carried in the configured URL or a header, and an optional IP allow-list.
 *
 * <p>When both are configured both must pass. With neither configured every call is refused: an
 * unprotected public endpoint that creates tickets is a configuration error, not a default.
 */
public final class WebhookGuard {

  /** The answer: allowed, or refused with a reason to log (never to show the caller). */
  public record Decision(boolean allowed, String reason) {
    static Decision allow() {
      return new Decision(true, "ok");
    }

    static Decision deny(String reason) {
      return new Decision(false, reason);
    }
  }

  private static final Pattern IPV4 =
      Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

  private record Cidr(byte[] network, int prefix, String text) {}

  private final byte[] secretDigest;
  private final List<Cidr> allowList;

  /**
   * @param secret the configured shared secret, or null/blank for none
   * @param allowCidrs CIDRs ({@code 47.100.0.0/16}, {@code 2001:db8::/32}) or single addresses;
   *     empty for none
   * @throws IllegalArgumentException on an entry that is not an IP literal or CIDR
   */
  public WebhookGuard(String secret, List<String> allowCidrs) {
    this.secretDigest = secret == null || secret.isBlank() ? null : sha256(secret);
    List<Cidr> cidrs = new ArrayList<>();
    for (String entry : allowCidrs == null ? List.<String>of() : allowCidrs) {
      cidrs.add(parseCidr(entry));
    }
    this.allowList = List.copyOf(cidrs);
  }

  /**
   * @param presentedSecret the secret from the request's header or query parameter (may be null)
   * @param remoteIp the peer's IP literal as the HTTP server saw it
   */
  public Decision check(String presentedSecret, String remoteIp) {
    if (secretDigest == null && allowList.isEmpty()) {
      return Decision.deny("no secret and no allow-list configured for this webhook");
    }
    if (secretDigest != null) {
      if (presentedSecret == null || presentedSecret.isEmpty()) {
        return Decision.deny("secret missing");
      }
      // Comparing digests keeps the comparison constant-time whatever the lengths.
      if (!MessageDigest.isEqual(secretDigest, sha256(presentedSecret))) {
        return Decision.deny("secret mismatch");
      }
    }
    if (!allowList.isEmpty()) {
      byte[] address = parseLiteral(remoteIp);
      if (address == null) {
        return Decision.deny("remote address " + remoteIp + " is not an IP literal");
      }
      for (Cidr cidr : allowList) {
        if (contains(cidr, address)) {
          return Decision.allow();
        }
      }
      return Decision.deny("remote address " + remoteIp + " not in allow-list");
    }
    return Decision.allow();
  }

  private static boolean contains(Cidr cidr, byte[] address) {
    if (cidr.network().length != address.length) {
      return false;
    }
    int full = cidr.prefix() / 8;
    for (int i = 0; i < full; i++) {
      if (cidr.network()[i] != address[i]) {
        return false;
      }
    }
    int rest = cidr.prefix() % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (cidr.network()[full] & mask) == (address[full] & mask);
  }

  private static Cidr parseCidr(String entry) {
    String t = entry == null ? "" : entry.trim();
    int slash = t.indexOf('/');
    String host = slash < 0 ? t : t.substring(0, slash);
    byte[] network = parseLiteral(host);
    if (network == null) {
      throw new IllegalArgumentException("not an IP address or CIDR: " + entry);
    }
    int prefix = network.length * 8;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(t.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad prefix length in " + entry);
      }
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException("bad prefix length in " + entry);
      }
    }
    return new Cidr(network, prefix, t);
  }

  /** Parses an IP literal without ever resolving a host name. */
  static byte[] parseLiteral(String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    if (IPV4.matcher(t).matches()) {
      String[] parts = t.split("\\.");
      byte[] b = new byte[4];
      for (int i = 0; i < 4; i++) {
        b[i] = (byte) Integer.parseInt(parts[i]);
      }
      return b;
    }
    if (t.indexOf(':') < 0 || !t.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+")) {
      return null;
    }
    try {
      // With a ':' in it, InetAddress treats the text as an IPv6 literal and does no lookup;
      // IPv4-mapped addresses come back as IPv4, so ::ffff:10.0.0.1 matches 10.0.0.0/8.
      return InetAddress.getByName(t).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
