package org.open12345.hotline.intake;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** SQL of query_codes: the hashed query code of each ticket a citizen can look up. */
public final class QueryCodeRepository {
  private static final String INSERT = """
      INSERT INTO query_codes (ticket_id, code_hash, created_at) VALUES ($1, $2, $3)""";
  private static final String HASH = "SELECT code_hash FROM query_codes WHERE ticket_id = $1";

  public Future<Void> insert(SqlClient tx, long ticketId, String codeHash, Instant at) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(ticketId, codeHash, at.atOffset(ZoneOffset.UTC))).mapEmpty();
  }

  /** The ticket's code hash; empty for a ticket without one (recorded before codes, or by Open311 without phone). */
  public Future<Optional<String>> hashOf(SqlClient db, long ticketId) {
    return db.preparedQuery(HASH).execute(Tuple.of(ticketId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.ofNullable(rows.iterator().next().getString(0)));
  }
}
