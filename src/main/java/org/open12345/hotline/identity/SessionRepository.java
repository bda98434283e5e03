package org.open12345.hotline.identity;

import static org.open12345.hotline.identity.UserRepository.utc;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Optional;

/** SQL for the sessions table; sessions are found by the SHA-256 of the cookie's id. */
final class SessionRepository {

  /** A session row with the account it belongs to, as it is now. */
  record SessionWithUser(String csrfToken, Instant createdAt, Instant lastSeenAt, User user) {}

  Future<Void> insert(SqlClient db, byte[] idHash, long userId, String csrfToken, Instant now, String address) {
    return db.preparedQuery("""
            INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, address)
            VALUES ($1, $2, $3, $4, $4, $5)""")
        .execute(Tuple.of(Buffer.buffer(idHash), userId, csrfToken, utc(now), address))
        .mapEmpty();
  }

  Future<Optional<SessionWithUser>> find(SqlClient db, byte[] idHash) {
    return db.preparedQuery("""
            SELECT s.csrf_token, s.created_at AS s_created_at, s.last_seen_at,
                   u.id, u.name, u.role, u.department_id, u.password_hash, u.must_change_password, u.created_at,
                   u.disabled_at
            FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.id_hash = $1""")
        .execute(Tuple.of(Buffer.buffer(idHash)))
        .map(rows -> {
          var it = rows.iterator();
          if (!it.hasNext()) {
            return Optional.empty();
          }
          Row r = it.next();
          return Optional.of(new SessionWithUser(r.getString("csrf_token"),
              r.getOffsetDateTime("s_created_at").toInstant(), r.getOffsetDateTime("last_seen_at").toInstant(),
              User.fromRow(r)));
        });
  }

  Future<Void> touch(SqlClient db, byte[] idHash, Instant now) {
    return db.preparedQuery("UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1 AND last_seen_at < $2")
        .execute(Tuple.of(Buffer.buffer(idHash), utc(now)))
        .mapEmpty();
  }

  /** True when there was such a session. */
  Future<Boolean> delete(SqlClient db, byte[] idHash) {
    return db.preparedQuery("DELETE FROM sessions WHERE id_hash = $1")
        .execute(Tuple.of(Buffer.buffer(idHash)))
        .map(rows -> rows.rowCount() > 0);
  }

  /** Ends every session of an account except {@code keep} (null: all of them). */
  Future<Void> deleteForUser(SqlClient db, long userId, byte[] keep) {
    return db.preparedQuery("DELETE FROM sessions WHERE user_id = $1 AND ($2::bytea IS NULL OR id_hash <> $2)")
        .execute(Tuple.of(userId, keep == null ? null : Buffer.buffer(keep)))
        .mapEmpty();
  }

  /** Forgets sessions past either timeout (they would be refused anyway). */
  Future<Void> deleteExpired(SqlClient db, Instant idleBefore, Instant createdBefore) {
    return db.preparedQuery("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
        .execute(Tuple.of(utc(idleBefore), utc(createdBefore)))
        .mapEmpty();
  }
}
