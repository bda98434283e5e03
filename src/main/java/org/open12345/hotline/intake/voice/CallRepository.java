package org.open12345.hotline.intake.voice;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** SQL of the call log: calls (one row per call) and call_events (idempotent per event key). */
public final class CallRepository {
  /** The call row, locked for the rest of the transaction. */
  record CallRow(long id, Long ticketId) {}

  private static final String LOCK_CALL = """
      INSERT INTO calls (provider, call_id, created_at, updated_at) VALUES ($1, $2, $3, $3)
      ON CONFLICT (provider, call_id) DO UPDATE SET updated_at = EXCLUDED.updated_at
      RETURNING id, ticket_id""";
  private static final String INSERT_EVENT = """
      INSERT INTO call_events (event_key, call_pk, provider, call_id, event, from_number, to_number, direction,
                               cause, agent, answered_at, recording_url, transcript, digits, at, raw, arrived_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
      ON CONFLICT (event_key) DO NOTHING
      RETURNING id""";
  private static final String EVENTS = """
      SELECT provider, call_id, event, from_number, to_number, direction, cause, agent, answered_at,
             recording_url, transcript, digits, at, raw
      FROM call_events WHERE call_pk = $1 ORDER BY id""";
  private static final String SUMMARISE = """
      UPDATE calls SET from_number = $2, to_number = $3, direction = $4, answered = $5, agent = $6,
                       recording_url = $7, transcript = $8, digits = $9, started_at = $10, ended_at = $11,
                       outcome = $12, outcome_reason = $13
      WHERE id = $1""";
  private static final String LINK_TICKET = "UPDATE calls SET ticket_id = $2 WHERE id = $1";
  private static final String OF_CALLER = """
      SELECT id, provider, call_id, from_number, to_number, direction, answered, agent, recording_url, transcript,
             digits, started_at, ended_at, outcome, outcome_reason, ticket_id
      FROM calls WHERE from_number = $1
      ORDER BY created_at DESC
      LIMIT $2""";

  /** Creates or locks the call's row; concurrent events of one call queue here. */
  Future<CallRow> lockCall(SqlClient tx, String provider, String callId, Instant now) {
    return tx.preparedQuery(LOCK_CALL)
        .execute(Tuple.of(provider, callId, now.atOffset(ZoneOffset.UTC)))
        .map(rows -> {
          Row r = rows.iterator().next();
          return new CallRow(r.getLong(0), r.getLong(1));
        });
  }

  /** Stores the event unless its key is known; true when it was new. */
  Future<Boolean> insertEvent(SqlClient tx, long callPk, CallEvent e, Instant now) {
    return tx.preparedQuery(INSERT_EVENT)
        .execute(Tuple.from(new Object[] {e.eventKey(), callPk, e.provider(), e.callId(), e.event().name(), e.from(),
            e.to(), e.direction().name(), e.cause(), e.agent(), utc(e.answeredAt()), e.recordingUrl(), e.transcript(),
            e.keypadDigits(), utc(e.at()), e.raw(), utc(now)}))
        .map(rows -> rows.size() > 0);
  }

  Future<List<CallEvent>> events(SqlClient tx, long callPk) {
    return tx.preparedQuery(EVENTS)
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
  Future<Void> summarise(SqlClient tx, long callPk, CallSummary s, CallOutcome o) {
    return tx.preparedQuery(SUMMARISE)
        .execute(Tuple.from(new Object[] {callPk, s.from(), s.to(), s.direction().name(), s.answered(), s.agent(),
            s.recordingUrl(), s.transcript(), s.digits(), utc(s.startedAt()), utc(s.endedAt()), o.kind().name(),
            o.reason()}))
        .mapEmpty();
  }

  Future<Void> linkTicket(SqlClient tx, long callPk, long ticketId) {
    return tx.preparedQuery(LINK_TICKET).execute(Tuple.of(callPk, ticketId)).mapEmpty();
  }

  /** A caller's latest calls, newest first (for the operator's screen pop). */
  public Future<List<CallRecord>> ofCaller(SqlClient db, String phone, int limit) {
    return db.preparedQuery(OF_CALLER).execute(Tuple.of(phone, limit)).map(rows -> {
      List<CallRecord> out = new ArrayList<>();
      for (Row r : rows) {
        out.add(new CallRecord(r.getLong(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
            r.getString(5), r.getBoolean(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10),
            instant(r.getOffsetDateTime(11)), instant(r.getOffsetDateTime(12)), r.getString(13), r.getString(14),
            r.getLong(15), null));
      }
      return out;
    });
  }

  static OffsetDateTime utc(Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
