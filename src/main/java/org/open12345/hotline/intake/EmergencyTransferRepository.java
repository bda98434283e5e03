package org.open12345.hotline.intake;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;

/** SQL of emergency_transfers: at most one per call and one per inbound SMS (unique keys). */
public final class EmergencyTransferRepository {
  private static final String INSERT = """
      INSERT INTO emergency_transfers (number, matched_word, source, call_pk, inbound_message_id, phone,
                                       text_body, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
      ON CONFLICT DO NOTHING
      RETURNING id""";

  /** The new transfer's id, or null when its call or message already has one. */
  public Future<Long> insert(SqlClient tx, EmergencyMatch m, String source, Long callPk, Long inboundId,
      String phone, String text, Instant at) {
    return tx.preparedQuery(INSERT)
        .execute(Tuple.from(new Object[] {m.number(), m.word(), source, callPk, inboundId, phone, text,
            at.atOffset(ZoneOffset.UTC)}))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong(0));
  }
}
