package org.open12345.hotline.followup;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.open12345.hotline.db.ValuePlans;

/** SQL for follow_ups (回访 tries). Writes take the caller's transaction. */
public final class FollowUpRepository {

  private static final String INSERT = """
      INSERT INTO follow_ups (ticket_id, department_id, method, result, conclusion, asked_at, expires_at,
                              answered_at, phone, recorded_by, note)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
      RETURNING\s""" + FollowUp.COLUMNS;

  /** Tries nobody answered since the ticket's last conclusion: the current follow-up's. */
  private static final String UNANSWERED_IN_ROUND = """
      SELECT count(*) FROM follow_ups
      WHERE ticket_id = $1 AND result = 'NO_ANSWER'
        AND id > coalesce((SELECT max(id) FROM follow_ups WHERE ticket_id = $1 AND conclusion IS NOT NULL), 0)""";

  private static final String OPEN_QUESTION_OF_TICKET = "SELECT " + FollowUp.COLUMNS + " FROM follow_ups\n" + """
      WHERE ticket_id = $1 AND method = 'SMS' AND result IS NULL AND expires_at > $2
      ORDER BY id DESC LIMIT 1""";

  /** The phone's newest open question, locked: two answers arriving together are decided in turn. */
  private static final String LOCK_OPEN_QUESTION_OF_PHONE = """
      SELECT f.id, f.ticket_id, t.number, f.asked_at FROM follow_ups f JOIN tickets t ON t.id = f.ticket_id
      WHERE f.phone = $1 AND f.method = 'SMS' AND f.result IS NULL AND f.expires_at > $2
      ORDER BY f.asked_at DESC, f.id DESC LIMIT 1
      FOR UPDATE OF f""";

  private static final String ANSWER = "UPDATE follow_ups SET result = $2, conclusion = $3, answered_at = $4, "
      + "inbound_message_id = $5 WHERE id = $1 RETURNING " + FollowUp.COLUMNS;

  /** A follow-up ended: its questions still waiting are closed, a late answer matches nothing. */
  private static final String CLOSE_QUESTIONS = """
      UPDATE follow_ups SET expires_at = $2
      WHERE ticket_id = $1 AND method = 'SMS' AND result IS NULL AND expires_at > $2""";

  private static final String OF_TICKET = "SELECT " + FollowUp.COLUMNS
      + " FROM follow_ups WHERE ticket_id = $1 ORDER BY id";

  /**
   * Per ticket, its latest conclusion where the citizen was reached, and the unreachable ends, in
   * [from, to): the 解决率's numerator and denominator, one matter counted once.
   */
  // Planned per call (ValuePlans): a generic plan can use no index of an optional filter.
  private static final String FIGURES = ValuePlans.perCall("""
      WITH concluded AS (
        SELECT ticket_id, id, conclusion FROM follow_ups
        WHERE conclusion IS NOT NULL
          AND ($1::timestamptz IS NULL OR answered_at >= $1)
          AND ($2::timestamptz IS NULL OR answered_at < $2)
          AND ($3::text IS NULL OR department_id = $3)),
      reached AS (
        SELECT DISTINCT ON (ticket_id) ticket_id, conclusion FROM concluded
        WHERE conclusion <> 'UNREACHABLE' ORDER BY ticket_id, id DESC)
      SELECT (SELECT count(*) FROM reached),
             (SELECT count(*) FROM reached WHERE conclusion = 'SOLVED'),
             (SELECT count(*) FROM concluded WHERE conclusion = 'UNREACHABLE')""");

  /** An SMS question waiting for its answer, with the ticket it is about. */
  public record OpenQuestion(long id, long ticketId, String ticketNumber, Instant askedAt) {}

  /** Counts behind the 解决率. */
  public record Counts(long reached, long solved, long unreachable) {}

  /** A try to store; {@code result} null for a question just sent. */
  record NewTry(long ticketId, String departmentId, String method, FollowUpResult result,
      FollowUpConclusion conclusion, Instant askedAt, Instant expiresAt, Instant answeredAt, String phone,
      String recordedBy, String note) {}

  Future<FollowUp> insert(SqlClient tx, NewTry t) {
    return tx.preparedQuery(INSERT)
        .execute(Tuple.from(new Object[] {
            t.ticketId(), t.departmentId(), t.method(), t.result() == null ? null : t.result().name(),
            t.conclusion() == null ? null : t.conclusion().name(), odt(t.askedAt()), odt(t.expiresAt()),
            odt(t.answeredAt()), t.phone(), t.recordedBy(), t.note()}))
        .map(rows -> FollowUp.from(rows.iterator().next()));
  }

  Future<Integer> unansweredInRound(SqlClient tx, long ticketId) {
    return tx.preparedQuery(UNANSWERED_IN_ROUND).execute(Tuple.of(ticketId))
        .map(rows -> (int) (long) rows.iterator().next().getLong(0));
  }

  Future<Optional<FollowUp>> openQuestionOf(SqlClient tx, long ticketId, Instant now) {
    return tx.preparedQuery(OPEN_QUESTION_OF_TICKET).execute(Tuple.of(ticketId, odt(now)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(FollowUp.from(rows.iterator().next())));
  }

  Future<Optional<OpenQuestion>> lockOpenQuestionOf(SqlClient tx, String phone, Instant now) {
    return tx.preparedQuery(LOCK_OPEN_QUESTION_OF_PHONE).execute(Tuple.of(phone, odt(now))).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new OpenQuestion(r.getLong(0), r.getLong(1), r.getString(2),
          r.getOffsetDateTime(3).toInstant()));
    });
  }

  Future<FollowUp> answer(SqlClient tx, long id, FollowUpResult result, FollowUpConclusion conclusion, Instant at,
      Long inboundMessageId) {
    return tx.preparedQuery(ANSWER)
        .execute(Tuple.of(id, result.name(), conclusion == null ? null : conclusion.name(), odt(at), inboundMessageId))
        .map(rows -> FollowUp.from(rows.iterator().next()));
  }

  Future<Void> closeQuestions(SqlClient tx, long ticketId, Instant at) {
    return tx.preparedQuery(CLOSE_QUESTIONS).execute(Tuple.of(ticketId, odt(at))).mapEmpty();
  }

  Future<List<FollowUp>> ofTicket(SqlClient db, long ticketId) {
    return db.preparedQuery(OF_TICKET).execute(Tuple.of(ticketId)).map(rows -> {
      List<FollowUp> out = new ArrayList<>();
      rows.forEach(r -> out.add(FollowUp.from(r)));
      return out;
    });
  }

  Future<Counts> counts(SqlClient db, Instant from, Instant to, String departmentId) {
    return db.preparedQuery(FIGURES).execute(Tuple.of(odt(from), odt(to), departmentId)).map(rows -> {
      Row r = rows.iterator().next();
      return new Counts(r.getLong(0), r.getLong(1), r.getLong(2));
    });
  }

  private static OffsetDateTime odt(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }
}
