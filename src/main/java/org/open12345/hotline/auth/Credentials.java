package org.open12345.hotline.auth;

import java.util.Locale;

/**
 * What a request presents to prove who it is.
 *
 * @param authorization the {@code Authorization} header as sent, or null
 * @param sessionCookie the value of the {@value SessionCookie#NAME} cookie, or null
 * @param clientAddress the caller's address (behind trusted proxies), for the security log
 */
public record Credentials(String authorization, String sessionCookie, String clientAddress) {
  public boolean none() {
    return (authorization == null || authorization.isBlank()) && (sessionCookie == null || sessionCookie.isEmpty());
  }

  /** The token of a {@code Bearer} header; null when there is no Authorization header. */
  public String bearerToken() {
    if (authorization == null || authorization.isBlank()) {
      return null;
    }
    String a = authorization.trim();
    if (a.length() < 7 || !a.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      throw AccessRefused.unauthenticated("invalid_token", "the Authorization header must be 'Bearer <token>'");
    }
    return a.substring(7).trim();
  }
}
