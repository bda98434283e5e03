package org.open12345.hotline.intake;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;

/** The raw log of payloads that could not be read; the only thing a malformed delivery writes. */
public final class InboundRejects {
  private InboundRejects() {}

  public static Future<Void> record(SqlClient db, String channel, String provider, PayloadException e, String raw,
      String remoteIp, Instant at) {
    return db.preparedQuery("INSERT INTO inbound_rejects (channel, provider, reason, field, raw, remote_ip, arrived_at) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .execute(Tuple.from(new Object[] {channel, provider, e.getMessage(), e.field(), raw == null ? "" : raw,
            remoteIp, at.atOffset(ZoneOffset.UTC)}))
        .mapEmpty();
  }
}
