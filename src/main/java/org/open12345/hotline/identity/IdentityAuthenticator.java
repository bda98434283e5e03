package org.open12345.hotline.identity;

import io.vertx.core.Future;
import java.util.Optional;
import org.open12345.hotline.auth.Authenticated;
import org.open12345.hotline.auth.Authenticator;
import org.open12345.hotline.auth.Credentials;

/**
 * A bearer token when the request sends one (machines), else the session cookie (people). A
 * request that sends a token is judged by the token alone, even if a cookie rides along.
 */
final class IdentityAuthenticator implements Authenticator {
  private final ApiTokens tokens;
  private final Logins logins;

  IdentityAuthenticator(ApiTokens tokens, Logins logins) {
    this.tokens = tokens;
    this.logins = logins;
  }

  @Override
  public Future<Optional<Authenticated>> authenticate(Credentials presented) {
    String token;
    try {
      token = presented.bearerToken();
    } catch (RuntimeException malformed) {
      return Future.failedFuture(malformed);
    }
    if (token != null) {
      return tokens.authenticate(token, presented.clientAddress()).map(Optional::of);
    }
    if (presented.sessionCookie() != null && !presented.sessionCookie().isEmpty()) {
      return logins.authenticate(presented.sessionCookie()).map(Optional::of);
    }
    return Future.succeededFuture(Optional.empty());
  }
}
