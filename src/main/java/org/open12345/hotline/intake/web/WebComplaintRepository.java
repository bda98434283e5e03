package org.open12345.hotline.intake.web;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** SQL of web_complaints: the hashed query code of each ticket that came through the portal. */
public final class WebComplaintRepository {
  private static final String INSERT = """
      INSERT INTO web_complaints (ticket_id, query_code_hash, remote_ip, created_at)
      VALUES ($1, $2, $3, $4)""";
  private static final String CODE_HASH = "SELECT query_code_hash FROM web_complaints WHERE ticket_id = $1";

  public Future<Void> insert(SqlClient tx, long ticketId, String queryCodeHash, String remoteIp, Instant at) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(ticketId, queryCodeHash, remoteIp, at.atOffset(ZoneOffset.UTC)))
        .mapEmpty();
  }

  /** The ticket's query code hash; empty when the ticket did not come from the web form. */
  public Future<Optional<String>> queryCodeHash(SqlClient db, long ticketId) {
    return db.preparedQuery(CODE_HASH).execute(Tuple.of(ticketId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.ofNullable(rows.iterator().next().getString(0)));
  }
}
