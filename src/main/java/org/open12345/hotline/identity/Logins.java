package org.open12345.hotline.identity;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.open12345.hotline.auth.AccessRefused;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Authenticated;
import org.open12345.hotline.auth.SecurityEvent;

/**
 * People signing in with a password: throttled per account and per client address, answered
 * alike for an unknown account, a wrong password and a disabled account; a session row per login.
 */
final class Logins {
  /** The session a login opened; {@code sessionId} goes into the cookie and nowhere else. */
  record Opened(String sessionId, String csrfToken, boolean passwordChangeRequired, Actor actor) {}

  private final Pool pool;
  private final UserRepository users;
  private final SessionRepository sessions;
  private final SecurityEventRepository events;
  private final PasswordHasher hasher;
  private final SecurityLog log;
  private final LoginThrottle throttle;
  private final SessionSettings settings;
  private final Clock clock;

  Logins(Pool pool, UserRepository users, SessionRepository sessions, SecurityEventRepository events,
      PasswordHasher hasher, SecurityLog log, LoginThrottle throttle, SessionSettings settings, Clock clock) {
    this.pool = pool;
    this.users = users;
    this.sessions = sessions;
    this.events = events;
    this.hasher = hasher;
    this.log = log;
    this.throttle = throttle;
    this.settings = settings;
    this.clock = clock;
  }

  Future<Opened> login(String name, String password, String address) {
    // An invalid name is looked up as itself (and found nowhere): same path, same time.
    String account = Optional.ofNullable(AccountNames.normalOrNull(name)).orElse(name == null ? "" : name.trim());
    Instant now = clock.instant();
    Instant since = throttle.windowStart(now);
    Future<LoginThrottle.Failures> ofAccount = events.failuresOfAccount(pool, account, since);
    Future<LoginThrottle.Failures> fromAddress = address == null
        ? Future.succeededFuture(new LoginThrottle.Failures(0, null))
        : events.failuresFromAddress(pool, address, since);
    return Future.all(ofAccount, fromAddress).compose(v -> {
      Optional<Duration> wait = LoginThrottle.longer(throttle.waitFor(ofAccount.result(), now),
          throttle.waitFor(fromAddress.result(), now));
      if (wait.isPresent()) {
        return Future.failedFuture(IdentityProblem.throttled(wait.get()));
      }
      return users.findByName(pool, account).compose(user -> hasher
          .verify(password, user.map(User::passwordHash).orElse(null))
          .compose(matches -> {
            if (!matches || user.get().disabled()) {
              String reason = user.isEmpty() ? "unknown_account" : !matches ? "wrong_password" : "disabled";
              return log.record(new SecurityEvent("login_failed", null, account, address, Map.of("reason", reason)))
                  .compose(x -> Future.failedFuture(IdentityProblem.badLogin()));
            }
            return open(user.get(), address);
          }));
    });
  }

  private Future<Opened> open(User user, String address) {
    String id = Secrets.newSessionId();
    String csrf = Secrets.newCsrfToken();
    Instant now = clock.instant();
    return pool.withTransaction(tx -> sessions.deleteExpired(tx, now.minus(settings.idle()),
            now.minus(settings.absolute()))
        .compose(v -> sessions.insert(tx, Secrets.sha256(id), user.id(), csrf, now, address))
        .compose(v -> log.record(tx, new SecurityEvent("login", user.actor(), user.name(), address, Map.of()))))
        .map(v -> new Opened(id, csrf, user.mustChangePassword(), user.actor()));
  }

  /** The session behind a cookie; fails with 401 for a malformed, unknown or ended one. */
  Future<Authenticated> authenticate(String sessionId) {
    if (!Secrets.looksLikeSessionId(sessionId)) {
      return Future.failedFuture(invalid());
    }
    byte[] hash = Secrets.sha256(sessionId);
    Instant now = clock.instant();
    return sessions.find(pool, hash).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(invalid());
      }
      SessionRepository.SessionWithUser s = found.get();
      if (s.user().disabled()) {
        return sessions.delete(pool, hash).compose(v -> Future.failedFuture(
            AccessRefused.unauthenticated("account_disabled", "this account has been disabled")));
      }
      if (s.lastSeenAt().plus(settings.idle()).isBefore(now) || s.createdAt().plus(settings.absolute()).isBefore(now)) {
        return sessions.delete(pool, hash).compose(v -> Future.failedFuture(
            AccessRefused.unauthenticated("session_expired", "the session has expired; sign in again")));
      }
      Future<Void> touched = s.lastSeenAt().plus(settings.touchEvery()).isBefore(now)
          ? sessions.touch(pool, hash, now) : Future.succeededFuture();
      return touched.map(v -> new Authenticated(s.user().actor(), Authenticated.Via.SESSION, s.csrfToken(),
          s.user().mustChangePassword()));
    });
  }

  /** Ends the session; a second logout with the same cookie finds nothing and is refused. */
  Future<Void> logout(String sessionId, String address) {
    return authenticate(sessionId).compose(who -> sessions.delete(pool, Secrets.sha256(sessionId))
        .compose(v -> log.record(new SecurityEvent("logout", who.actor(), who.actor().id(), address, Map.of()))));
  }

  /**
   * The account's own new password, after the current one is checked again. Ends the account's
   * other sessions; this one stays and is no longer limited to this page.
   */
  Future<Void> changePassword(String sessionId, String current, String next, String address) {
    return authenticate(sessionId).compose(who -> users.findByName(pool, who.actor().id()).compose(found -> {
      User u = found.orElseThrow(Logins::invalid);
      Optional<String> weak = PasswordRules.problem(next, u.name());
      if (weak.isPresent()) {
        return Future.failedFuture(IdentityProblem.weakPassword(weak.get()));
      }
      if (next.equals(current)) {
        return Future.failedFuture(IdentityProblem.weakPassword("新密码不能与当前密码相同"));
      }
      return hasher.verify(current, u.passwordHash()).compose(ok -> ok
          ? hasher.hash(next) : Future.failedFuture(IdentityProblem.wrongCurrentPassword()))
          .compose(hash -> pool.withTransaction(tx -> users.setPassword(tx, u.id(), hash, false, clock.instant())
              .compose(v -> sessions.deleteForUser(tx, u.id(), Secrets.sha256(sessionId)))
              .compose(v -> log.record(tx, new SecurityEvent("password_changed", who.actor(), u.name(), address,
                  Map.of())))));
    }));
  }

  private static AccessRefused invalid() {
    return AccessRefused.unauthenticated("session_invalid", "the session cookie is not valid; sign in again");
  }
}
