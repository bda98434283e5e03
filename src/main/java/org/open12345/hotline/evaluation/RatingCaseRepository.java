package org.open12345.hotline.evaluation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.open12345.hotline.db.ValuePlans;
import org.open12345.hotline.deadline.Deadline;
import org.open12345.hotline.deadline.DeadlineKind;
import org.open12345.hotline.deadline.TimeSpan;
import org.open12345.hotline.deadline.WarningPoint;
import org.open12345.hotline.deadline.WarningTime;

/** SQL of rating_cases. Writes take the caller's transaction connection. */
public final class RatingCaseRepository {
  private static final String COLUMNS = """
      c.id, c.ticket_id, c.department_id, c.status, c.callback_by, c.opened_at, c.callback_due_at, c.fix_due_at,
      c.deadlines, c.called_back_at, c.called_back_by, c.citizen_reached, c.call_attempts, c.citizen_account,
      c.founded, c.callback_note, c.fixed_at, c.fixed_by, c.fix_text, c.explained_at, c.explained_by, c.explanation,
      c.re_rate_prompt_id, c.closed_at, c.closed_by, c.close_reason, c.close_note,
      ARRAY(SELECT r.id FROM ratings r WHERE r.case_id = c.id ORDER BY r.id) AS rating_ids""";

  /** Nothing when the ticket already has an open case (the partial unique index): the 差评 joins it. */
  private static final String OPEN = """
      INSERT INTO rating_cases (ticket_id, department_id, status, callback_by, opened_at, callback_due_at, fix_due_at,
                                deadlines)
      VALUES ($1, $2, 'CALLBACK_DUE', $3, $4, $5, $6, $7)
      ON CONFLICT (ticket_id) WHERE status <> 'CLOSED' DO NOTHING
      RETURNING id""";
  private static final String OPEN_OF_TICKET = """
      SELECT id FROM rating_cases WHERE ticket_id = $1 AND status <> 'CLOSED'""";
  private static final String FIND = "SELECT " + COLUMNS + " FROM rating_cases c WHERE c.id = $1";
  private static final String LOCK = FIND + " FOR UPDATE OF c";
  private static final String OF_TICKET = "SELECT " + COLUMNS + " FROM rating_cases c WHERE c.ticket_id = $1 ORDER BY c.id";
  // Planned per call (ValuePlans): a generic plan can use no index of an optional filter.
  private static final String LIST = ValuePlans.perCall("SELECT " + COLUMNS + """
       FROM rating_cases c
      WHERE ($1::text IS NULL OR c.status = $1)
        AND ($2::text IS NULL OR c.department_id = $2)
        AND ($3::text[] IS NULL OR c.department_id = ANY($3))
      ORDER BY c.id DESC
      LIMIT $4 OFFSET $5""");
  /** Open cases in the given states, the one due soonest first (what a desk works through). */
  // Planned per call (ValuePlans), like LIST: optional filters.
  private static final String DUE_FIRST = ValuePlans.perCall("SELECT " + COLUMNS + """
       FROM rating_cases c
      WHERE c.status = ANY($1)
        AND ($2::text IS NULL OR c.callback_by = $2)
        AND ($3::text[] IS NULL OR c.department_id = ANY($3))
      ORDER BY CASE WHEN c.status = 'CALLBACK_DUE' THEN c.callback_due_at
                    WHEN c.status IN ('FIX_DUE', 'EXPLANATION_DUE') THEN c.fix_due_at END NULLS LAST, c.id
      LIMIT $4 OFFSET $5""");
  private static final String CALLBACK = """
      UPDATE rating_cases c SET status = $2, called_back_at = $3, called_back_by = $4, citizen_reached = $5,
             call_attempts = $6, citizen_account = $7, founded = $8, callback_note = $9, deadlines = $10
      WHERE c.id = $1
      RETURNING %s""".formatted(COLUMNS);
  private static final String FIX = """
      UPDATE rating_cases c SET status = 'FIXED', fixed_at = $2, fixed_by = $3, fix_text = $4, deadlines = $5,
             re_rate_prompt_id = $6
      WHERE c.id = $1
      RETURNING %s""".formatted(COLUMNS);
  private static final String EXPLAIN = """
      UPDATE rating_cases c SET status = 'EXPLAINED', explained_at = $2, explained_by = $3, explanation = $4,
             deadlines = $5
      WHERE c.id = $1
      RETURNING %s""".formatted(COLUMNS);
  private static final String CLOSE = """
      UPDATE rating_cases c SET status = 'CLOSED', closed_at = $2, closed_by = $3, close_reason = $4, close_note = $5
      WHERE c.id = $1
      RETURNING %s""".formatted(COLUMNS);

  /** A new case for the ticket; empty when it already has an open one. */
  public Future<Optional<Long>> open(SqlClient tx, long ticketId, String departmentId, CallbackBy by, Instant openedAt,
      List<Deadline> deadlines) {
    Instant callbackDue = dueOf(deadlines, DeadlineKind.CALLBACK);
    Instant fixDue = dueOf(deadlines, DeadlineKind.FIX);
    return tx.preparedQuery(OPEN)
        .execute(Tuple.from(new Object[] {ticketId, departmentId, by.name(), odt(openedAt), odt(callbackDue),
            odt(fixDue), write(deadlines)}))
        .map(rows -> rows.size() == 0 ? Optional.<Long>empty() : Optional.of(rows.iterator().next().getLong(0)));
  }

  /** The id of the ticket's open case (one committed by a concurrent 差评 included). */
  public Future<Long> openOf(SqlClient tx, long ticketId) {
    return tx.preparedQuery(OPEN_OF_TICKET).execute(Tuple.of(ticketId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong(0));
  }

  public Future<Optional<RatingCase>> find(SqlClient db, long id) {
    return db.preparedQuery(FIND).execute(Tuple.of(id)).map(RatingCaseRepository::first);
  }

  /** The case, locked until the transaction ends. */
  public Future<Optional<RatingCase>> lock(SqlClient tx, long id) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(id)).map(RatingCaseRepository::first);
  }

  public Future<List<RatingCase>> ofTicket(SqlClient db, long ticketId) {
    return db.preparedQuery(OF_TICKET).execute(Tuple.of(ticketId)).map(RatingCaseRepository::all);
  }

  /**
   * Newest first.
   *
   * @param scope the departments the caller sees, or null for all
   */
  public Future<List<RatingCase>> list(SqlClient db, RatingCaseStatus status, String departmentId, List<String> scope,
      int limit, long offset) {
    return db.preparedQuery(LIST)
        .execute(Tuple.of(status == null ? null : status.name(), departmentId,
            scope == null ? null : scope.toArray(String[]::new), limit, offset))
        .map(RatingCaseRepository::all);
  }

  /**
   * Open cases in {@code states}, due soonest first, paged here rather than by the caller.
   *
   * @param callbackBy only the cases this side calls back, or null for both
   * @param scope the departments the caller sees, or null for all
   */
  public Future<List<RatingCase>> dueFirst(SqlClient db, List<RatingCaseStatus> states, CallbackBy callbackBy,
      List<String> scope, int limit, long offset) {
    return db.preparedQuery(DUE_FIRST)
        .execute(Tuple.of(states.stream().map(Enum::name).toArray(String[]::new),
            callbackBy == null ? null : callbackBy.name(), scope == null ? null : scope.toArray(String[]::new),
            limit, offset))
        .map(RatingCaseRepository::all);
  }

  public Future<RatingCase> callback(SqlClient tx, long id, RatingCaseStatus next, Instant at, String by,
      RatingCaseLife.Callback c, List<Deadline> deadlines) {
    return tx.preparedQuery(CALLBACK)
        .execute(Tuple.from(new Object[] {id, next.name(), odt(at), by, c.reached(), c.attempts(), c.citizenAccount(),
            c.founded(), c.note(), write(deadlines)}))
        .map(rows -> first(rows).orElseThrow());
  }

  public Future<RatingCase> fix(SqlClient tx, long id, Instant at, String by, String text, List<Deadline> deadlines,
      Long reRatePromptId) {
    return tx.preparedQuery(FIX)
        .execute(Tuple.from(new Object[] {id, odt(at), by, text, write(deadlines), reRatePromptId}))
        .map(rows -> first(rows).orElseThrow());
  }

  public Future<RatingCase> explain(SqlClient tx, long id, Instant at, String by, String text,
      List<Deadline> deadlines) {
    return tx.preparedQuery(EXPLAIN)
        .execute(Tuple.from(new Object[] {id, odt(at), by, text, write(deadlines)}))
        .map(rows -> first(rows).orElseThrow());
  }

  /** @param reason {@code CONCLUDED} or {@code APPEAL_UPHELD} */
  public Future<RatingCase> close(SqlClient tx, long id, Instant at, String by, String reason, String note) {
    return tx.preparedQuery(CLOSE).execute(Tuple.of(id, odt(at), by, reason, note))
        .map(rows -> first(rows).orElseThrow());
  }

  private static Optional<RatingCase> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(ratingCase(rows.iterator().next()));
  }

  private static List<RatingCase> all(RowSet<Row> rows) {
    List<RatingCase> out = new ArrayList<>();
    rows.forEach(r -> out.add(ratingCase(r)));
    return out;
  }

  private static RatingCase ratingCase(Row r) {
    Long[] ratings = r.getArrayOfLongs("rating_ids");
    return new RatingCase(r.getLong("id"), r.getLong("ticket_id"), r.getString("department_id"),
        RatingCaseStatus.valueOf(r.getString("status")), CallbackBy.valueOf(r.getString("callback_by")),
        instant(r, "opened_at"), instant(r, "callback_due_at"), instant(r, "fix_due_at"),
        read((JsonArray) r.getValue("deadlines")), instant(r, "called_back_at"), r.getString("called_back_by"),
        r.getBoolean("citizen_reached"), r.getInteger("call_attempts"), r.getString("citizen_account"),
        r.getBoolean("founded"), r.getString("callback_note"), instant(r, "fixed_at"), r.getString("fixed_by"),
        r.getString("fix_text"), instant(r, "explained_at"), r.getString("explained_by"), r.getString("explanation"),
        r.getLong("re_rate_prompt_id"), instant(r, "closed_at"), r.getString("closed_by"),
        r.getString("close_reason"), r.getString("close_note"),
        ratings == null ? List.of() : Arrays.asList(ratings));
  }

  private static Instant dueOf(List<Deadline> deadlines, DeadlineKind kind) {
    return deadlines.stream().filter(d -> d.kind() == kind).findFirst().orElseThrow().dueAt();
  }

  /** The stored form of the case's deadlines: lossless both ways. */
  static JsonArray write(List<Deadline> deadlines) {
    JsonArray a = new JsonArray();
    for (Deadline d : deadlines) {
      JsonArray warnings = new JsonArray();
      d.warnings().forEach(w -> warnings.add(new JsonObject().put("point", w.point().toString())
          .put("at", w.at().toString())));
      a.add(new JsonObject().put("kind", d.kind().name()).put("span", d.span().toString())
          .put("started_at", d.startedAt().toString()).put("due_at", d.dueAt().toString()).put("warnings", warnings)
          .put("escalate_at", d.escalateAt().toString()).put("revision", d.revision())
          .put("met_at", d.metAt() == null ? null : d.metAt().toString()));
    }
    return a;
  }

  static List<Deadline> read(JsonArray a) {
    List<Deadline> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      JsonObject o = a.getJsonObject(i);
      List<WarningTime> warnings = new ArrayList<>();
      JsonArray w = o.getJsonArray("warnings");
      for (int j = 0; j < w.size(); j++) {
        warnings.add(new WarningTime(WarningPoint.parse(w.getJsonObject(j).getString("point")),
            Instant.parse(w.getJsonObject(j).getString("at"))));
      }
      String met = o.getString("met_at");
      out.add(new Deadline(DeadlineKind.valueOf(o.getString("kind")), TimeSpan.parse(o.getString("span")),
          Instant.parse(o.getString("started_at")), Instant.parse(o.getString("due_at")), warnings,
          Instant.parse(o.getString("escalate_at")), o.getInteger("revision"), met == null ? null : Instant.parse(met)));
    }
    return out;
  }

  private static Instant instant(Row r, String column) {
    OffsetDateTime v = r.getOffsetDateTime(column);
    return v == null ? null : v.toInstant();
  }

  private static OffsetDateTime odt(Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }
}
