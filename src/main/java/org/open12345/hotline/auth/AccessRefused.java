package org.open12345.hotline.auth;

import org.open12345.hotline.problem.Problem;

/** A request refused before it reaches a route: not authenticated (401) or not allowed (403). */
public final class AccessRefused extends Problem {
  private AccessRefused(Kind kind, String code, String message) {
    super(kind, code, message, null);
  }

  public static AccessRefused unauthenticated(String code, String message) {
    return new AccessRefused(Kind.UNAUTHENTICATED, code, message);
  }

  public static AccessRefused forbidden(String code, String message) {
    return new AccessRefused(Kind.FORBIDDEN, code, message);
  }
}
