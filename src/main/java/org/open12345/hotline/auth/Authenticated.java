package org.open12345.hotline.auth;

/**
 * Who a request's credentials belong to.
 *
 * @param actor the user or token, with its department but its scope not yet resolved
 * @param via how it was proven: a browser session is CSRF-checked, a bearer token is not
 * @param csrfToken the session's CSRF token (null for tokens)
 * @param passwordChangeRequired a session opened with a one-time password: only the password
 *     change page works until the user sets their own
 */
public record Authenticated(Actor actor, Via via, String csrfToken, boolean passwordChangeRequired) {
  public enum Via {
    SESSION,
    TOKEN
  }
}
