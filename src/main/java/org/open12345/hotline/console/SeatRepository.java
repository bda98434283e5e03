package org.open12345.hotline.console;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** SQL for operator_seats: the extension each operator works at now. */
final class SeatRepository {
  private static final String FREE = """
      DELETE FROM operator_seats WHERE extension = $1 AND user_name <> $2""";
  private static final String TAKE = """
      INSERT INTO operator_seats (user_name, extension, taken_at) VALUES ($1, $2, $3)
      ON CONFLICT (user_name) DO UPDATE SET extension = EXCLUDED.extension, taken_at = EXCLUDED.taken_at""";
  private static final String LEAVE = """
      DELETE FROM operator_seats WHERE user_name = $1""";
  private static final String OF = """
      SELECT extension FROM operator_seats WHERE user_name = $1""";

  /** Takes {@code extension} away from whoever else held it. */
  Future<Void> free(SqlClient tx, String extension, String userName) {
    return tx.preparedQuery(FREE).execute(Tuple.of(extension, userName)).mapEmpty();
  }

  Future<Void> take(SqlClient tx, String userName, String extension, Instant at) {
    return tx.preparedQuery(TAKE).execute(Tuple.of(userName, extension, at.atOffset(ZoneOffset.UTC))).mapEmpty();
  }

  Future<Void> leave(SqlClient db, String userName) {
    return db.preparedQuery(LEAVE).execute(Tuple.of(userName)).mapEmpty();
  }

  Future<Optional<String>> of(SqlClient db, String userName) {
    return db.preparedQuery(OF).execute(Tuple.of(userName)).map(rows -> rows.iterator().hasNext()
        ? Optional.of(rows.iterator().next().getString("extension")) : Optional.empty());
  }
}
