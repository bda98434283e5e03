package org.open12345.hotline.identity;

import static org.open12345.hotline.identity.UserRepository.utc;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.open12345.hotline.auth.Role;

/** SQL for the api_tokens table; tokens are found by their SHA-256. */
final class ApiTokenRepository {
  private static final String COLUMNS =
      "id, name, role, department_id, created_at, created_by, expires_at, last_used_at, revoked_at";

  /** Fails with the PostgreSQL unique violation (23505) when a live token has this name. */
  Future<ApiToken> insert(SqlClient db, String name, byte[] tokenHash, Role role, String departmentId, Instant now,
      String createdBy, Instant expiresAt) {
    return db.preparedQuery("""
            INSERT INTO api_tokens (name, token_hash, role, department_id, created_at, created_by, expires_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            RETURNING %s""".formatted(COLUMNS))
        .execute(Tuple.from(new Object[] {name, Buffer.buffer(tokenHash), role.name(), departmentId, utc(now),
            createdBy, utc(expiresAt)}))
        .map(rows -> ApiToken.fromRow(rows.iterator().next()));
  }

  Future<Optional<ApiToken>> findByHash(SqlClient db, byte[] tokenHash) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM api_tokens WHERE token_hash = $1")
        .execute(Tuple.of(Buffer.buffer(tokenHash)))
        .map(ApiTokenRepository::first);
  }

  /**
   * Records a use. Writes only on the first use since {@code dayStart}, so a busy CTI costs no
   * write per request; true when this call was that first use (several instances race safely: one
   * UPDATE wins).
   */
  Future<Boolean> markUsed(SqlClient db, long id, Instant now, Instant dayStart) {
    return db.preparedQuery("""
            UPDATE api_tokens SET last_used_at = $2
            WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $3)""")
        .execute(Tuple.of(id, utc(now), utc(dayStart)))
        .map(rows -> rows.rowCount() > 0);
  }

  Future<Optional<ApiToken>> revoke(SqlClient db, String name, Instant now) {
    return db.preparedQuery(
            "UPDATE api_tokens SET revoked_at = $2 WHERE name = $1 AND revoked_at IS NULL RETURNING " + COLUMNS)
        .execute(Tuple.of(name, utc(now)))
        .map(ApiTokenRepository::first);
  }

  Future<List<ApiToken>> list(SqlClient db) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM api_tokens ORDER BY revoked_at IS NOT NULL, name, id")
        .execute()
        .map(rows -> {
          List<ApiToken> out = new ArrayList<>();
          rows.forEach(r -> out.add(ApiToken.fromRow(r)));
          return out;
        });
  }

  private static Optional<ApiToken> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(ApiToken.fromRow(it.next())) : Optional.empty();
  }
}
