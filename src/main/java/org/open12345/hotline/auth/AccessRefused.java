package org.open12345.hotline.auth;

import org.open12345.hotline.problem.Problem;

/** A request refused before it reaches a route: not authenticated (401) or not allowed (403). */
public final class AccessRefused extends Problem {
  private AccessRefused(Kind kind, String code, String message, java.util.Map<String, Object> details) {
    super(kind, code, message, details);
  }

  private AccessRefused(Kind kind, String code, String message) {
    this(kind, code, message, null);
  }

  /**
   * The role is not on the route's line. The code is the one the ticket state machine uses for a
   * role refusal; {@code details.route} names the line.
   */
  public static AccessRefused roleNotAllowed(Role role, String method, String pattern) {
    return new AccessRefused(Kind.FORBIDDEN, "forbidden_action", "role " + role + " (" + role.label() + ") may not "
        + method + " " + pattern, java.util.Map.of("role", role.name(), "route", method + " " + pattern));
  }

  public static AccessRefused unauthenticated(String code, String message) {
    return new AccessRefused(Kind.UNAUTHENTICATED, code, message);
  }

  public static AccessRefused forbidden(String code, String message) {
    return new AccessRefused(Kind.FORBIDDEN, code, message);
  }
}
