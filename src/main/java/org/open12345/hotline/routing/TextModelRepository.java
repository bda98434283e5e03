package org.open12345.hotline.routing;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** SQL of the stored text models and the training lease. */
final class TextModelRepository {
  /** A stored model's facts, without its bytes. */
  record Stored(String version, Instant trainedAt, int examples, int categories, long tookMs) {}

  private static final String NEWEST = """
      SELECT version, trained_at, examples, categories, took_ms FROM routing_text_models
      ORDER BY trained_at DESC, version DESC LIMIT 1""";
  private static final String BYTES = "SELECT model FROM routing_text_models WHERE version = $1";
  private static final String INSERT = """
      INSERT INTO routing_text_models (version, trained_at, examples, categories, took_ms, model)
      VALUES ($1, $2, $3, $4, $5, $6)""";
  /** Keeps the newest few: older models are never loaded again. */
  private static final String PRUNE = """
      DELETE FROM routing_text_models WHERE version NOT IN
        (SELECT version FROM routing_text_models ORDER BY trained_at DESC LIMIT 3)""";
  private static final String TAKE_LEASE = """
      UPDATE routing_model_training SET holder = $1, until = $2 WHERE id = 1 AND until < $3
      RETURNING holder""";
  private static final String RELEASE = """
      UPDATE routing_model_training SET holder = NULL, until = '-infinity' WHERE id = 1 AND holder = $1""";

  Future<Optional<Stored>> newest(SqlClient db) {
    return db.query(NEWEST).execute().map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new Stored(r.getString(0), r.getOffsetDateTime(1).toInstant(), r.getInteger(2),
          r.getInteger(3), r.getLong(4)));
    });
  }

  Future<byte[]> bytes(SqlClient db, String version) {
    return db.preparedQuery(BYTES).execute(Tuple.of(version)).map(rows -> {
      if (rows.size() == 0) {
        throw new IllegalStateException("text model " + version + " is gone");
      }
      return rows.iterator().next().getBuffer(0).getBytes();
    });
  }

  Future<Void> insert(SqlClient db, Stored s, byte[] model) {
    return db.preparedQuery(INSERT).execute(Tuple.of(s.version(), s.trainedAt().atOffset(ZoneOffset.UTC), s.examples(),
            s.categories(), s.tookMs(), Buffer.buffer(model)))
        .compose(v -> db.query(PRUNE).execute()).mapEmpty();
  }

  /** True when this holder now has the lease until {@code until}. */
  Future<Boolean> takeLease(SqlClient db, String holder, Instant now, Instant until) {
    return db.preparedQuery(TAKE_LEASE).execute(Tuple.of(holder, until.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC)))
        .map(rows -> rows.size() == 1);
  }

  Future<Void> release(SqlClient db, String holder) {
    return db.preparedQuery(RELEASE).execute(Tuple.of(holder)).mapEmpty();
  }
}
