package org.open12345.hotline.identity;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.auth.AccessRefused;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Authenticated;
import org.open12345.hotline.auth.DepartmentDirectory;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.auth.SecurityEvent;
import org.open12345.hotline.db.UniqueViolation;
import org.open12345.hotline.problem.NotFound;

/**
 * Bearer tokens for machines: the centre's CTI, a department's own system, monitoring. Each is
 * bound to a role (and a department for DEPARTMENT), has a name, may expire, can be revoked.
 * The security log gets its creation, its revocation and its first use of each (local) day.
 */
public final class ApiTokens {
  private final Pool pool;
  private final ApiTokenRepository tokens;
  private final SecurityLog log;
  private final DepartmentDirectory departments;
  private final Clock clock;
  private final ZoneId zone;

  ApiTokens(Pool pool, ApiTokenRepository tokens, SecurityLog log, DepartmentDirectory departments, Clock clock,
      ZoneId zone) {
    this.pool = pool;
    this.tokens = tokens;
    this.log = log;
    this.departments = departments;
    this.clock = clock;
    this.zone = zone;
  }

  /** A new token; the returned secret is the only copy there will ever be. */
  public Future<Issued> create(String name, Role role, String departmentId, Instant expiresAt, Actor by,
      String address) {
    String n;
    String department;
    try {
      n = AccountNames.normal("name", name);
      department = Memberships.check(role, departmentId, Role.FOR_TOKENS, false, departments);
      if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
        throw new org.open12345.hotline.problem.InvalidField("expires_at", "must be in the future");
      }
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    String token = Secrets.newToken();
    return pool.withTransaction(tx -> tokens.insert(tx, n, Secrets.sha256(token), role, department, clock.instant(),
                by.id(), expiresAt)
            .compose(t -> log.record(tx, new SecurityEvent("token_created", by, n, address, Map.of(
                "role", role.name(), "department", department == null ? "" : department))).map(t)))
        .recover(e -> Future.failedFuture(UniqueViolation.is(e)
            ? IdentityProblem.conflict("token_exists", "a live token named '" + n + "' exists; revoke it first") : e))
        .map(t -> new Issued(t.toJson(), token));
  }

  public Future<JsonObject> revoke(String name, Actor by, String address) {
    return pool.withTransaction(tx -> tokens.revoke(tx, AccountNames.normalOrNull(name), clock.instant())
        .compose(t -> t.isEmpty() ? Future.failedFuture(new NotFound("no live token named '" + name + "'"))
            : log.record(tx, new SecurityEvent("token_revoked", by, t.get().name(), address, Map.of()))
                .map(t.get().toJson())));
  }

  public Future<List<JsonObject>> list() {
    return tokens.list(pool).map(all -> all.stream().map(ApiToken::toJson).toList());
  }

  /** The token behind an {@code Authorization: Bearer} header; 401 for a bad, expired or revoked one. */
  Future<Authenticated> authenticate(String token, String address) {
    if (!Secrets.looksLikeToken(token)) {
      return Future.failedFuture(AccessRefused.unauthenticated("invalid_token", "malformed API token"));
    }
    Instant now = clock.instant();
    return tokens.findByHash(pool, Secrets.sha256(token)).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(AccessRefused.unauthenticated("invalid_token", "unknown API token"));
      }
      ApiToken t = found.get();
      if (t.revokedAt() != null) {
        return Future.failedFuture(AccessRefused.unauthenticated("token_revoked", "this API token has been revoked"));
      }
      if (t.expiresAt() != null && !t.expiresAt().isAfter(now)) {
        return Future.failedFuture(AccessRefused.unauthenticated("token_expired", "this API token has expired"));
      }
      Instant dayStart = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
      Authenticated who = new Authenticated(t.actor(), Authenticated.Via.TOKEN, null, false);
      if (t.lastUsedAt() != null && !t.lastUsedAt().isBefore(dayStart)) {
        // used today already, as the row just read says: a CTI sends every operator's ticket with
        // one token, and the UPDATE (which would change nothing) was a round trip per request
        return Future.succeededFuture(who);
      }
      return tokens.markUsed(pool, t.id(), now, dayStart)
          .compose(first -> first ? log.record(new SecurityEvent("token_used", t.actor(), t.name(), address, Map.of()))
              : Future.<Void>succeededFuture())
          .map(v -> who);
    });
  }
}
