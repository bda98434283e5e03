package org.open12345.hotline.intake;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.open12345.hotline.db.DeferredRows;

/**
 * SQL of query_codes: the hashed query code of each ticket a citizen can look up. A new code goes
 * with the other tickets' of a group-commit batch, in one statement ({@link DeferredRows}).
 */
public final class QueryCodeRepository {
  private static final String INSERT = """
      INSERT INTO query_codes (ticket_id, code_hash, created_at)
      SELECT * FROM unnest($1::bigint[], $2::text[], $3::timestamptz[])""";
  private static final String HASH = "SELECT code_hash FROM query_codes WHERE ticket_id = $1";

  public Future<Void> insert(SqlClient tx, long ticketId, String codeHash, Instant at) {
    return DeferredRows.write(tx, INSERT, new Long[] {ticketId}, new String[] {codeHash},
        new OffsetDateTime[] {at.atOffset(ZoneOffset.UTC)});
  }

  /** The ticket's code hash; empty for a ticket without one (recorded before codes, or by Open311 without phone). */
  public Future<Optional<String>> hashOf(SqlClient db, long ticketId) {
    return DeferredRows.flushed(db).compose(v -> db.preparedQuery(HASH).execute(Tuple.of(ticketId)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.ofNullable(rows.iterator().next().getString(0)));
  }
}
