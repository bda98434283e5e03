package org.open12345.hotline.identity;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.DepartmentDirectory;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.auth.SecurityEvent;
import org.open12345.hotline.db.UniqueViolation;
import org.open12345.hotline.problem.NotFound;

/**
 * Staff accounts: created with a random one-time password (there is no default password),
 * disabled and enabled, given another role, reset. Every change is in the security log.
 */
public final class Accounts {
  private final Pool pool;
  private final UserRepository users;
  private final SessionRepository sessions;
  private final PasswordHasher hasher;
  private final SecurityLog log;
  private final DepartmentDirectory departments;
  private final Clock clock;

  Accounts(Pool pool, UserRepository users, SessionRepository sessions, PasswordHasher hasher, SecurityLog log,
      DepartmentDirectory departments, Clock clock) {
    this.pool = pool;
    this.users = users;
    this.sessions = sessions;
    this.hasher = hasher;
    this.log = log;
    this.departments = departments;
    this.clock = clock;
  }

  /** A new account; its one-time password must be changed at the first login. */
  public Future<Issued> create(String name, Role role, String departmentId, Actor by, String address) {
    String n;
    String department;
    try {
      n = AccountNames.normal("name", name);
      department = Memberships.check(role, departmentId, Role.FOR_USERS, true, departments);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    String password = Secrets.newOneTimePassword();
    return hasher.hash(password)
        .compose(hash -> pool.withTransaction(tx -> users.insert(tx, n, role, department, hash, clock.instant())
            .compose(u -> log.record(tx, event("user_created", by, n, address,
                Map.of("role", role.name(), "department", department == null ? "" : department))).map(u))))
        .recover(e -> Future.failedFuture(UniqueViolation.is(e)
            ? IdentityProblem.conflict("user_exists", "an account named '" + n + "' exists") : e))
        .map(u -> new Issued(u.toJson(), password));
  }

  public Future<List<JsonObject>> list() {
    return users.list(pool).map(all -> all.stream().map(User::toJson).toList());
  }

  /** Disables the account and ends its sessions at once (on every instance: they are rows). */
  public Future<JsonObject> disable(String name, Actor by, String address) {
    return pool.withTransaction(tx -> locked(tx, name).compose(u -> {
      if (u.disabled()) {
        return Future.succeededFuture(u);
      }
      Future<Void> guard = u.role() == Role.ADMIN ? keepsAnAdmin(tx) : Future.succeededFuture();
      Instant now = clock.instant();
      return guard.compose(v -> users.setDisabled(tx, u.id(), now, now))
          .compose(after -> sessions.deleteForUser(tx, u.id(), null)
              .compose(v -> log.record(tx, event("user_disabled", by, u.name(), address, Map.of())))
              .map(after));
    })).map(User::toJson);
  }

  public Future<JsonObject> enable(String name, Actor by, String address) {
    return pool.withTransaction(tx -> locked(tx, name).compose(u -> {
      if (!u.disabled()) {
        return Future.succeededFuture(u);
      }
      Instant now = clock.instant();
      return users.setDisabled(tx, u.id(), null, now)
          .compose(after -> log.record(tx, event("user_enabled", by, u.name(), address, Map.of())).map(after));
    })).map(User::toJson);
  }

  /** Another role (and department); in force from the account's next request. */
  public Future<JsonObject> changeRole(String name, Role role, String departmentId, Actor by, String address) {
    String department;
    try {
      department = Memberships.check(role, departmentId, Role.FOR_USERS, true, departments);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return pool.withTransaction(tx -> locked(tx, name).compose(u -> {
      Future<Void> guard = u.role() == Role.ADMIN && role != Role.ADMIN && !u.disabled()
          ? keepsAnAdmin(tx) : Future.succeededFuture();
      return guard.compose(v -> users.setRole(tx, u.id(), role, department, clock.instant()))
          .compose(after -> log.record(tx, event("role_changed", by, u.name(), address, Map.of(
              "from_role", u.role().name(), "from_department", u.departmentId() == null ? "" : u.departmentId(),
              "to_role", role.name(), "to_department", department == null ? "" : department))).map(after));
    })).map(User::toJson);
  }

  /** A new one-time password (the old one and every session end). */
  public Future<Issued> resetPassword(String name, Actor by, String address) {
    String password = Secrets.newOneTimePassword();
    return hasher.hash(password).compose(hash -> pool.withTransaction(tx -> locked(tx, name)
        .compose(u -> users.setPassword(tx, u.id(), hash, true, clock.instant())
            .compose(v -> sessions.deleteForUser(tx, u.id(), null))
            .compose(v -> log.record(tx, event("password_reset", by, u.name(), address, Map.of())))
            .compose(v -> users.findByName(tx, u.name())).map(found -> found.orElseThrow()))))
        .map(u -> new Issued(u.toJson(), password));
  }

  /** True when some enabled ADMIN account exists (a fresh install has none). */
  public Future<Boolean> anyAdmin() {
    return users.anyActiveAdmin(pool);
  }

  private Future<User> locked(io.vertx.sqlclient.SqlConnection tx, String name) {
    String n = AccountNames.normalOrNull(name);
    if (n == null) {
      return Future.failedFuture(new NotFound("no account '" + name + "'"));
    }
    return users.lockByName(tx, n).compose(u -> u.<Future<User>>map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new NotFound("no account '" + n + "'"))));
  }

  /** Refuses to disable or demote the last enabled administrator: nobody could manage accounts. */
  private Future<Void> keepsAnAdmin(io.vertx.sqlclient.SqlConnection tx) {
    return users.lockActiveAdmins(tx).compose(n -> n > 1 ? Future.succeededFuture()
        : Future.failedFuture(IdentityProblem.conflict("last_admin",
            "this is the last enabled ADMIN account; create another administrator first")));
  }

  static SecurityEvent event(String kind, Actor by, String subject, String address, Map<String, Object> details) {
    return new SecurityEvent(kind, by, subject, address, details);
  }
}
