package org.open12345.hotline.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Cross-site request forgery guard for browser sessions (synchronizer token): each session has a
 * random token, pages put it in their forms ({@value #FIELD}) or send it as {@value #HEADER}, and
 * every state-changing request that a session cookie authenticates must carry it. A bearer token
 * is never sent by a browser on its own, so token requests are not checked.
 */
public final class Csrf {
  public static final String HEADER = "X-CSRF-Token";
  public static final String FIELD = "csrf_token";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  private Csrf() {}

  public static boolean changesState(String method) {
    return !SAFE.contains(method);
  }

  /** Constant-time, so the comparison's duration tells nothing about the token. */
  public static boolean matches(String expected, String presented) {
    if (expected == null || presented == null || presented.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  public static AccessRefused refused() {
    return AccessRefused.forbidden("csrf_refused",
        "this request changes data and came with a session cookie but without the session's "
            + HEADER + " header (or " + FIELD + " form field)");
  }
}
