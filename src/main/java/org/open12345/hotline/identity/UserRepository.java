package org.open12345.hotline.identity;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.open12345.hotline.auth.Role;

/** SQL for the users table. */
final class UserRepository {
  private static final String COLUMNS =
      "id, name, role, department_id, password_hash, must_change_password, created_at, disabled_at";

  /** Fails with the PostgreSQL unique violation (23505) when the name is taken. */
  Future<User> insert(SqlClient db, String name, Role role, String departmentId, String passwordHash, Instant now) {
    return db.preparedQuery("""
            INSERT INTO users (name, role, department_id, password_hash, must_change_password, created_at, updated_at)
            VALUES ($1, $2, $3, $4, true, $5, $5)
            RETURNING %s""".formatted(COLUMNS))
        .execute(Tuple.of(name, role.name(), departmentId, passwordHash, utc(now)))
        .map(rows -> User.fromRow(rows.iterator().next()));
  }

  Future<Optional<User>> findByName(SqlClient db, String name) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM users WHERE name = $1")
        .execute(Tuple.of(name))
        .map(UserRepository::first);
  }

  /** Locks the account until the transaction ends (role changes, disabling, the last-admin check). */
  Future<Optional<User>> lockByName(SqlClient tx, String name) {
    return tx.preparedQuery("SELECT " + COLUMNS + " FROM users WHERE name = $1 FOR UPDATE")
        .execute(Tuple.of(name))
        .map(UserRepository::first);
  }

  Future<List<User>> list(SqlClient db) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM users ORDER BY name").execute()
        .map(rows -> {
          List<User> out = new ArrayList<>();
          rows.forEach(r -> out.add(User.fromRow(r)));
          return out;
        });
  }

  /** Enabled administrators; the rows are locked so two demotions cannot both see "one left". */
  Future<Long> lockActiveAdmins(SqlClient tx) {
    return tx.preparedQuery("SELECT id FROM users WHERE role = 'ADMIN' AND disabled_at IS NULL FOR UPDATE")
        .execute()
        .map(rows -> (long) rows.size());
  }

  Future<Boolean> anyActiveAdmin(SqlClient db) {
    return db.preparedQuery("SELECT 1 FROM users WHERE role = 'ADMIN' AND disabled_at IS NULL LIMIT 1").execute()
        .map(rows -> rows.size() > 0);
  }

  Future<User> setDisabled(SqlClient tx, long id, Instant disabledAt, Instant now) {
    return tx.preparedQuery("UPDATE users SET disabled_at = $2, updated_at = $3 WHERE id = $1 RETURNING " + COLUMNS)
        .execute(Tuple.of(id, utc(disabledAt), utc(now)))
        .map(rows -> User.fromRow(rows.iterator().next()));
  }

  Future<User> setRole(SqlClient tx, long id, Role role, String departmentId, Instant now) {
    return tx.preparedQuery(
            "UPDATE users SET role = $2, department_id = $3, updated_at = $4 WHERE id = $1 RETURNING " + COLUMNS)
        .execute(Tuple.of(id, role.name(), departmentId, utc(now)))
        .map(rows -> User.fromRow(rows.iterator().next()));
  }

  Future<Void> setPassword(SqlClient tx, long id, String passwordHash, boolean mustChange, Instant now) {
    return tx.preparedQuery(
            "UPDATE users SET password_hash = $2, must_change_password = $3, updated_at = $4 WHERE id = $1")
        .execute(Tuple.of(id, passwordHash, mustChange, utc(now)))
        .mapEmpty();
  }

  static OffsetDateTime utc(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }

  private static Optional<User> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(User.fromRow(it.next())) : Optional.empty();
  }
}
