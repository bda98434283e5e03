package org.open12345.hotline.intake;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.open12345.hotline.db.ValuePlans;

/** SQL of emergency_transfers: at most one per call, per inbound SMS and per web ticket (unique keys). */
public final class EmergencyTransferRepository {
  private static final String INSERT = """
      INSERT INTO emergency_transfers (number, matched_word, source, call_pk, inbound_message_id, ticket_id,
                                       ticket_number, phone, text_body, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
      ON CONFLICT DO NOTHING
      RETURNING id""";

  /** Newest first; null filters match any; {@code to} is exclusive. */
  // Planned per call (ValuePlans): a generic plan can use no index of an optional filter.
  private static final String LIST = ValuePlans.perCall("SELECT " + EmergencyTransfer.COLUMNS + "\n" + """
      FROM emergency_transfers e LEFT JOIN calls c ON c.id = e.call_pk
      WHERE ($1::timestamptz IS NULL OR e.created_at >= $1)
        AND ($2::timestamptz IS NULL OR e.created_at < $2)
        AND ($3::text IS NULL OR e.number = $3)
        AND ($4::text IS NULL OR e.source = $4)
      ORDER BY e.created_at DESC, e.id DESC
      LIMIT $5 OFFSET $6""");

  /** Settles one not yet settled; the row count tells whether it was (0: unknown or settled before). */
  private static final String HANDLE = """
      UPDATE emergency_transfers SET handled_as = $2, handled_by = $3, handled_at = $4, handled_note = $5
       WHERE id = $1 AND handled_as IS NULL""";
  private static final String EXISTS = "SELECT 1 FROM emergency_transfers WHERE id = $1";

  /** True when this call settled it; false when it was settled already; null when there is no such one. */
  Future<Boolean> handle(SqlClient db, long id, String as, String by, Instant at, String note) {
    return db.preparedQuery(HANDLE).execute(Tuple.of(id, as, by, at.atOffset(ZoneOffset.UTC), note))
        .compose(rows -> rows.rowCount() == 1 ? Future.succeededFuture(true)
            : db.preparedQuery(EXISTS).execute(Tuple.of(id)).map(found -> found.size() == 0 ? null : false));
  }

  public Future<List<EmergencyTransfer>> list(SqlClient db, Instant from, Instant to, String number, String source,
      int limit, long offset) {
    return db.preparedQuery(LIST)
        .execute(Tuple.from(new Object[] {utc(from), utc(to), number, source, limit, offset}))
        .map(rows -> {
          List<EmergencyTransfer> out = new ArrayList<>();
          rows.forEach(r -> out.add(EmergencyTransfer.from(r)));
          return out;
        });
  }

  private static OffsetDateTime utc(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }

  /** The new transfer's id, or null when its call, message or ticket already has one. */
  Future<Long> insert(SqlClient tx, EmergencyMatch m, String source, EmergencyTransfers.Source from,
      String phone, String text, Instant at) {
    return tx.preparedQuery(INSERT)
        .execute(Tuple.from(new Object[] {m.number(), m.word(), source, from.callPk(), from.inboundId(),
            from.ticketId(), from.ticketNumber(), phone, text, at.atOffset(ZoneOffset.UTC)}))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong(0));
  }
}
