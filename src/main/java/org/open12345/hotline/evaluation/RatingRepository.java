package org.open12345.hotline.evaluation;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.open12345.hotline.db.ValuePlans;

/** SQL of the ratings table. Writes take the caller's transaction connection. */
public final class RatingRepository {
  private static final String COUNTED_FOR_PROMPT = """
      SELECT level FROM ratings WHERE prompt_id = $1 AND status = 'counted'""";
  private static final String COUNTED_FOR_CALL = """
      SELECT level FROM ratings WHERE call_pk = $1 AND status = 'counted'""";
  private static final String INSERT = """
      INSERT INTO ratings (ticket_id, call_pk, prompt_id, inbound_message_id, level, source, raw_text,
                           confidence, status, bad, follow_up_required, created_at, department_id, matched, comment,
                           settled_by)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
      RETURNING id""";

  /** A rating with its round and its appeal; {@code r}, {@code p} and {@code a} are the joined tables. */
  private static final String SELECT = """
      SELECT r.id, r.ticket_id, r.call_pk, r.prompt_id, p.round, r.inbound_message_id, r.level, r.source, r.raw_text,
             r.confidence, r.matched, r.comment, r.settled_by, r.status, r.department_id, r.case_id, r.created_at,
             r.excluded_at, r.excluded_reason,
             a.id AS appeal_id, a.ticket_id AS appeal_ticket_id, a.department_id AS appeal_department_id,
             a.appealed_by, a.reason AS appeal_reason, a.evidence, a.appealed_at, a.window_ends_at,
             a.status AS appeal_status, a.decided_by, a.decided_at, a.decision_reason
      FROM ratings r
      LEFT JOIN rating_prompts p ON p.id = r.prompt_id
      LEFT JOIN rating_appeals a ON a.rating_id = r.id
      """;
  private static final String LOCK = SELECT + "WHERE r.id = $1 FOR UPDATE OF r";
  private static final String OF_TICKET = SELECT + "WHERE r.ticket_id = $1 ORDER BY r.created_at, r.id";

  /** Absent filters are null; newest first, the order the created_at indexes serve. */
  // Planned per call (ValuePlans): a generic plan can use no index of an optional filter.
  private static final String LIST = ValuePlans.perCall(SELECT + """
      WHERE (#{department}::text IS NULL OR r.department_id = #{department})
        AND (#{scope}::text[] IS NULL OR r.department_id = ANY(#{scope}))
        AND (#{level}::text IS NULL OR r.level = #{level})
        AND (#{source}::text IS NULL OR r.source = #{source})
        AND (#{status}::text IS NULL OR r.status = #{status})
        AND (#{from}::timestamptz IS NULL OR r.created_at >= #{from})
        AND (#{to}::timestamptz IS NULL OR r.created_at < #{to})
        AND (#{has_case}::boolean IS NULL OR (r.case_id IS NOT NULL) = #{has_case})
        AND (#{appealed}::boolean IS NULL OR (a.id IS NOT NULL) = #{appealed})
        AND (#{excluded}::boolean IS NULL OR (r.excluded_at IS NOT NULL) = #{excluded})
      ORDER BY r.created_at DESC, r.id DESC
      LIMIT #{limit} OFFSET #{offset}""");

  /** Appeals waiting for a decision, the one waiting longest first (index rating_appeals_pending). */
  private static final String PENDING_APPEALS = SELECT + """
      WHERE a.status = 'PENDING'
        AND ($1::text[] IS NULL OR a.department_id = ANY($1))
      ORDER BY a.appealed_at, a.id
      LIMIT $2 OFFSET $3""";

  /**
   * Parallel plans make these LIMIT pages slower, not faster (bench/README.md, "Ratings list":
   * p95 321 ms with workers, 31 ms without): the list runs serial, for its transaction only.
   */
  private static final String SERIAL = "SET LOCAL max_parallel_workers_per_gather = 0";

  private static final String LINK_CASE = "UPDATE ratings SET case_id = $2 WHERE id = $1";
  private static final String EXCLUDE = "UPDATE ratings SET excluded_at = $2, excluded_reason = $3 WHERE id = $1";
  private static final String STANDING_IN_CASE = """
      SELECT count(*) FROM ratings WHERE case_id = $1 AND excluded_at IS NULL""";

  /**
   * Which ratings to list; null fields do not filter. {@code to} is exclusive.
   *
   * @param scope the departments the caller sees, or null for all
   */
  public record Filter(String departmentId, List<String> scope, RatingLevel level, String source, String status,
      Instant from, Instant to, Boolean hasCase, Boolean appealed, Boolean excluded, int limit, long offset) {}

  /** The level of the prompt's counted rating, or null when it has none. */
  public Future<RatingLevel> countedForPrompt(SqlClient tx, long promptId) {
    return tx.preparedQuery(COUNTED_FOR_PROMPT).execute(Tuple.of(promptId)).map(RatingRepository::level);
  }

  /** The level of the call's counted rating, or null when it has none. */
  public Future<RatingLevel> countedForCall(SqlClient tx, long callPk) {
    return tx.preparedQuery(COUNTED_FOR_CALL).execute(Tuple.of(callPk)).map(RatingRepository::level);
  }

  /** Stores a rating; returns its id. */
  public Future<Long> insert(SqlClient tx, NewRating r, RatingService.Status status, boolean followUp,
      String departmentId, Instant at) {
    return tx.preparedQuery(INSERT)
        .execute(Tuple.from(new Object[] {r.ticketId(), r.callPk(), r.promptId(), r.inboundMessageId(),
            r.level().name(), r.source(), r.rawText(), r.confidence(), status.name().toLowerCase(Locale.ROOT),
            r.level().isBad(), followUp, odt(at), departmentId, r.matched(), r.comment(), r.settledBy()}))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** The rating, locked until the transaction ends. */
  public Future<Optional<StoredRating>> lock(SqlClient tx, long id) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rating(rows.iterator().next())));
  }

  /** Every rating of a ticket, oldest first. */
  public Future<List<StoredRating>> ofTicket(SqlClient db, long ticketId) {
    return db.preparedQuery(OF_TICKET).execute(Tuple.of(ticketId)).map(RatingRepository::all);
  }

  /** One page by the filter; {@code tx} is a transaction of its own (the setting is local to it). */
  public Future<List<StoredRating>> list(SqlClient tx, Filter f) {
    Map<String, Object> p = new HashMap<>();
    p.put("department", f.departmentId());
    p.put("scope", f.scope() == null ? null : f.scope().toArray(String[]::new));
    p.put("level", f.level() == null ? null : f.level().name());
    p.put("source", f.source());
    p.put("status", f.status());
    p.put("from", odt(f.from()));
    p.put("to", odt(f.to()));
    p.put("has_case", f.hasCase());
    p.put("appealed", f.appealed());
    p.put("excluded", f.excluded());
    p.put("limit", f.limit());
    p.put("offset", f.offset());
    return tx.query(SERIAL).execute()
        .compose(v -> SqlTemplate.forQuery(tx, LIST).execute(p)).map(RatingRepository::all);
  }

  /** One page of the appeals waiting for a decision, oldest first; {@code scope} null for all. */
  public Future<List<StoredRating>> pendingAppeals(SqlClient db, List<String> scope, int limit, long offset) {
    return db.preparedQuery(PENDING_APPEALS)
        .execute(Tuple.of(scope == null ? null : scope.toArray(String[]::new), limit, offset))
        .map(RatingRepository::all);
  }

  /** The 差评 joins (or opens) a case. */
  public Future<Void> linkCase(SqlClient tx, long ratingId, long caseId) {
    return tx.preparedQuery(LINK_CASE).execute(Tuple.of(ratingId, caseId)).mapEmpty();
  }

  /** An upheld appeal: the rating leaves every figure, with the reason kept. */
  public Future<Void> exclude(SqlClient tx, long ratingId, Instant at, String reason) {
    return tx.preparedQuery(EXCLUDE).execute(Tuple.of(ratingId, odt(at), reason)).mapEmpty();
  }

  /** How many of a case's 差评 still stand (not excluded by an appeal). */
  public Future<Long> standingInCase(SqlClient tx, long caseId) {
    return tx.preparedQuery(STANDING_IN_CASE).execute(Tuple.of(caseId)).map(rows -> rows.iterator().next().getLong(0));
  }

  private static List<StoredRating> all(RowSet<Row> rows) {
    List<StoredRating> out = new ArrayList<>();
    rows.forEach(r -> out.add(rating(r)));
    return out;
  }

  private static StoredRating rating(Row r) {
    Long appealId = r.getLong("appeal_id");
    RatingAppeal appeal = appealId == null ? null
        : new RatingAppeal(appealId, r.getLong("id"), r.getLong("appeal_ticket_id"), r.getString("appeal_department_id"),
            r.getString("appealed_by"), r.getString("appeal_reason"), r.getString("evidence"),
            instant(r, "appealed_at"), instant(r, "window_ends_at"), r.getString("appeal_status"),
            r.getString("decided_by"), instant(r, "decided_at"), r.getString("decision_reason"));
    return new StoredRating(r.getLong("id"), r.getLong("ticket_id"), r.getLong("call_pk"), r.getLong("prompt_id"),
        r.getInteger("round"), r.getLong("inbound_message_id"), RatingLevel.valueOf(r.getString("level")),
        r.getString("source"), r.getString("raw_text"), r.getString("confidence"), r.getString("matched"),
        r.getString("comment"), r.getString("settled_by"), r.getString("status"), r.getString("department_id"),
        r.getLong("case_id"), instant(r, "created_at"), instant(r, "excluded_at"), r.getString("excluded_reason"),
        appeal);
  }

  private static RatingLevel level(RowSet<Row> rows) {
    return rows.size() == 0 ? null : RatingLevel.valueOf(rows.iterator().next().getString(0));
  }

  private static Instant instant(Row r, String column) {
    OffsetDateTime v = r.getOffsetDateTime(column);
    return v == null ? null : v.toInstant();
  }

  private static OffsetDateTime odt(Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }
}
