package org.open12345.hotline.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.open12345.hotline.web.IpRanges;

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

  private final byte[] secretDigest;
  private final IpRanges allowList;

  /**
   * @param secret the configured shared secret, or null/blank for none
   * @param allowCidrs CIDRs ({@code 47.100.0.0/16}, {@code 2001:db8::/32}) or single addresses;
   *     empty for none
   * @throws IllegalArgumentException on an entry that is not an IP literal or CIDR
   */
  public WebhookGuard(String secret, List<String> allowCidrs) {
    this.secretDigest = secret == null || secret.isBlank() ? null : sha256(secret);
    this.allowList = IpRanges.of(allowCidrs == null ? List.of() : allowCidrs);
  }

  /**
   * @param presentedSecret the secret from the request's header or query parameter (may be null)
   * @param remoteIp the client's IP literal (behind the trusted proxies, {@code web.ClientAddress})
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
      if (IpRanges.parseLiteral(remoteIp) == null) {
        return Decision.deny("remote address " + remoteIp + " is not an IP literal");
      }
      if (!allowList.contains(remoteIp)) {
        return Decision.deny("remote address " + remoteIp + " not in allow-list");
      }
    }
    return Decision.allow();
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
