package org.open12345.hotline.identity;

import static org.open12345.hotline.identity.UserRepository.utc;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.open12345.hotline.auth.SecurityEvent;

/** SQL for the append-only security_events table. */
final class SecurityEventRepository {

  Future<Void> insert(SqlClient db, Instant at, SecurityEvent e) {
    return db.preparedQuery("""
            INSERT INTO security_events (at, kind, actor, role, subject, address, details)
            VALUES ($1, $2, $3, $4, $5, $6, $7)""")
        .execute(Tuple.from(new Object[] {utc(at), e.kind(), e.actor() == null ? null : e.actor().id(),
            e.actor() == null ? null : e.actor().role().name(), e.subject(), e.address(),
            new JsonObject(new LinkedHashMap<>(e.details()))}))
        .mapEmpty();
  }

  /**
   * Failed logins for an account since {@code since}, not counting those before its last
   * successful login (the rightful user's success clears their own typos).
   */
  Future<LoginThrottle.Failures> failuresOfAccount(SqlClient db, String account, Instant since) {
    return db.preparedQuery("""
            SELECT count(*) AS n, min(at) AS oldest FROM security_events
            WHERE kind = 'login_failed' AND subject = $1 AND at > $2
              AND at > coalesce((SELECT max(at) FROM security_events
                                 WHERE kind = 'login' AND subject = $1 AND at > $2), '-infinity')""")
        .execute(Tuple.of(account, utc(since)))
        .map(SecurityEventRepository::failures);
  }

  /** Failed logins from a client address since {@code since} (a success does not clear these). */
  Future<LoginThrottle.Failures> failuresFromAddress(SqlClient db, String address, Instant since) {
    return db.preparedQuery("""
            SELECT count(*) AS n, min(at) AS oldest FROM security_events
            WHERE kind = 'login_failed' AND address = $1 AND at > $2""")
        .execute(Tuple.of(address, utc(since)))
        .map(SecurityEventRepository::failures);
  }

  /** Newest first; {@code kind} and {@code subject} filter when not null. */
  Future<List<JsonObject>> list(SqlClient db, String kind, String subject, int page, int size) {
    return db.preparedQuery("""
            SELECT id, at, kind, actor, role, subject, address, details FROM security_events
            WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR subject = $2)
            ORDER BY at DESC, id DESC LIMIT $3 OFFSET $4""")
        .execute(Tuple.of(kind, subject, size, page * size))
        .map(rows -> {
          List<JsonObject> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(new JsonObject().put("id", r.getLong("id"))
                .put("at", r.getOffsetDateTime("at").toInstant().toString())
                .put("kind", r.getString("kind")).put("actor", r.getString("actor")).put("role", r.getString("role"))
                .put("subject", r.getString("subject")).put("address", r.getString("address"))
                .put("details", r.getJsonObject("details")));
          }
          return out;
        });
  }

  private static LoginThrottle.Failures failures(io.vertx.sqlclient.RowSet<Row> rows) {
    Row r = rows.iterator().next();
    var oldest = r.getOffsetDateTime("oldest");
    return new LoginThrottle.Failures(r.getLong("n"), oldest == null ? null : oldest.toInstant());
  }
}
