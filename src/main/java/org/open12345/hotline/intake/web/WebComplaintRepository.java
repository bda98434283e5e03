package org.open12345.hotline.intake.web;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.open12345.hotline.db.DeferredRows;

/**
 * SQL of web_complaints: each ticket that came through the portal, with the address it came
 * from (its query code is in query_codes, like every channel's).
 */
public final class WebComplaintRepository {
  private static final String INSERT = """
      INSERT INTO web_complaints (ticket_id, remote_ip, created_at)
      SELECT * FROM unnest($1::bigint[], $2::text[], $3::timestamptz[])""";

  public Future<Void> insert(SqlClient tx, long ticketId, String remoteIp, Instant at) {
    return DeferredRows.write(tx, INSERT, new Long[] {ticketId}, new String[] {remoteIp},
        new OffsetDateTime[] {at.atOffset(ZoneOffset.UTC)});
  }
}
