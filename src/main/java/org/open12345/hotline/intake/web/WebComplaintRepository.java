package org.open12345.hotline.intake.web;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * SQL of web_complaints: each ticket that came through the portal, with the address it came
 * from (its query code is in query_codes, like every channel's).
 */
public final class WebComplaintRepository {
  private static final String INSERT = """
      INSERT INTO web_complaints (ticket_id, remote_ip, created_at) VALUES ($1, $2, $3)""";

  public Future<Void> insert(SqlClient tx, long ticketId, String remoteIp, Instant at) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(ticketId, remoteIp, at.atOffset(ZoneOffset.UTC))).mapEmpty();
  }
}
