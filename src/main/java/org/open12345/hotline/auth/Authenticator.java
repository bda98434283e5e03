package org.open12345.hotline.auth;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Turns what a request presents (a bearer token, a session cookie) into who is asking.
 * Implemented by the identity feature; {@link AccessHandler} calls it for every staff route.
 */
public interface Authenticator {
  /**
   * @return empty when the request presents no credentials at all; fails with
   *     {@link AccessRefused} (401) when it presents credentials that do not hold (malformed,
   *     unknown, expired or revoked token; unknown, ended or tampered session; disabled user)
   */
  Future<Optional<Authenticated>> authenticate(Credentials presented);
}
