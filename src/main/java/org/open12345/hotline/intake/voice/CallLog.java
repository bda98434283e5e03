package org.open12345.hotline.intake.voice;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** SQL of the call log: calls (one row per call) and call_events (idempotent per event key). */
final class CallLog {
  /** The call row, locked for the rest of the transaction. */
  record CallRow(long id, Long ticketId) {}

  private CallLog() {}

  /** Creates or locks the call's row; concurrent events of one call queue here. */
  static Future<CallRow> lockCall(SqlConnection tx, String provider, String callId, Instant now) {
    return tx.preparedQuery("INSERT INTO calls (provider, call_id, created_at, updated_at) VALUES ($1, $2, $3, $3) "
            + "ON CONFLICT (provider, call_id) DO UPDATE SET updated_at = EXCLUDED.updated_at RETURNING id, ticket_id")
        .execute(Tuple.of(provider, callId, now.atOffset(ZoneOffset.UTC)))
        .map(rows -> {
          Row r = rows.iterator().next();
          return new CallRow(r.getLong(0), r.getLong(1));
        });
  }

  /** Stores the event unless its key is known; true when it was new. */
  static Future<Boolean> insertEvent(SqlConnection tx, long callPk, CallEvent e, Instant now) {
    return tx.preparedQuery("INSERT INTO call_events (event_key, call_pk, provider, call_id, event, from_number, "
            + "to_number, direction, cause, agent, answered_at, recording_url, transcript, digits, at, raw, arrived_at) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) "
            + "ON CONFLICT (event_key) DO NOTHING RETURNING id")
        .execute(Tuple.from(new Object[] {e.eventKey(), callPk, e.provider(), e.callId(), e.event().name(), e.from(),
            e.to(), e.direction().name(), e.cause(), e.agent(), utc(e.answeredAt()), e.recordingUrl(), e.transcript(),
            e.keypadDigits(), utc(e.at()), e.raw(), utc(now)}))
        .map(rows -> rows.size() > 0);
  }

  static Future<List<CallEvent>> events(SqlConnection tx, long callPk) {
    return tx.preparedQuery("SELECT provider, call_id, event, from_number, to_number, direction, cause, agent, "
            + "answered_at, recording_url, transcript, digits, at, raw FROM call_events WHERE call_pk = $1 ORDER BY id")
        .execute(Tuple.of(callPk))
        .map(rows -> {
          List<CallEvent> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(new CallEvent(r.getString(0), r.getString(1), CallEventType.valueOf(r.getString(2)),
                r.getString(3), r.getString(4), CallDirection.valueOf(r.getString(5)), r.getString(6),
                r.getString(7), instant(r.getOffsetDateTime(8)), r.getString(9), r.getString(10), r.getString(11),
                instant(r.getOffsetDateTime(12)), r.getString(13)));
          }
          return out;
        });
  }

  /** Writes the call's summary of all its events and its current outcome. */
  static Future<Void> summarise(SqlConnection tx, long callPk, CallSummary s, CallOutcome o) {
    return tx.preparedQuery("UPDATE calls SET from_number = $2, to_number = $3, direction = $4, answered = $5, "
            + "agent = $6, recording_url = $7, transcript = $8, digits = $9, started_at = $10, ended_at = $11, "
            + "outcome = $12, outcome_reason = $13 WHERE id = $1")
        .execute(Tuple.from(new Object[] {callPk, s.from(), s.to(), s.direction().name(), s.answered(), s.agent(),
            s.recordingUrl(), s.transcript(), s.digits(), utc(s.startedAt()), utc(s.endedAt()), o.kind().name(),
            o.reason()}))
        .mapEmpty();
  }

  static Future<Void> linkTicket(SqlConnection tx, long callPk, long ticketId) {
    return tx.preparedQuery("UPDATE calls SET ticket_id = $2 WHERE id = $1").execute(Tuple.of(callPk, ticketId))
        .mapEmpty();
  }

  private static OffsetDateTime utc(Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
