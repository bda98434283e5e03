package org.open12345.hotline.intake;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** SQL of inbound_rejects: the raw log of payloads that could not be read. */
public final class InboundRejectRepository {
  private static final String INSERT = """
      INSERT INTO inbound_rejects (channel, provider, reason, field, raw, remote_ip, arrived_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7)""";
  /** A chunk of the rejects that arrived before $1 (see ExpiredRows: chunks, SKIP LOCKED). */
  private static final String DELETE_ARRIVED_BEFORE = """
      DELETE FROM inbound_rejects WHERE id IN (
        SELECT id FROM inbound_rejects WHERE arrived_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)""";
  private static final String RECENT = """
      SELECT id, channel, provider, reason, field, raw, remote_ip, arrived_at FROM inbound_rejects
      ORDER BY id DESC
      LIMIT $1""";

  public Future<Void> insert(SqlClient db, String channel, String provider, PayloadException e, String raw,
      String remoteIp, Instant at) {
    return db.preparedQuery(INSERT)
        .execute(Tuple.from(new Object[] {channel, provider, e.getMessage(), e.field(), raw == null ? "" : raw,
            remoteIp, at.atOffset(ZoneOffset.UTC)}))
        .mapEmpty();
  }

  /**
   * Deletes at most {@code limit} rejects that arrived before {@code before}; answers how many. A
   * reject keeps a payload raw, phone numbers and words included, for diagnosis: that need ends
   * long before a ticket's record does (intake.rejects.keep).
   */
  public Future<Integer> deleteArrivedBefore(SqlClient db, Instant before, int limit) {
    return db.preparedQuery(DELETE_ARRIVED_BEFORE).execute(Tuple.of(before.atOffset(ZoneOffset.UTC), limit))
        .map(SqlResult::rowCount);
  }

  /** The latest rejects, newest first. */
  public Future<List<InboundReject>> recent(SqlClient db, int limit) {
    return db.preparedQuery(RECENT).execute(Tuple.of(limit)).map(rows -> {
      List<InboundReject> out = new ArrayList<>();
      for (Row r : rows) {
        out.add(new InboundReject(r.getLong(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
            r.getString(5), r.getString(6), r.getOffsetDateTime(7).toInstant()));
      }
      return out;
    });
  }
}
