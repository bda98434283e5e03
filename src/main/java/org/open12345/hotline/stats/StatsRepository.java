package org.open12345.hotline.stats;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of the figures. One statement counts every figure per period and department (and
 * category, when asked), then sums those counts into the rows asked for (a department's own,
 * or its whole sub-tree: every figure is a count, so a roll-up is a sum) and into the totals,
 * and answers in long form: (part, period, key, figure id, numerator, denominator).
 *
 * <p>This is the one documented exception to "a feature reads only its own tables": reporting is
 * a read model over the ticket event log ({@code ticket_events}: DISPATCH, RETURN, REOPEN),
 * {@code tickets} (receipt time, status, department, category), {@code ticket_deadlines} (the
 * current dispatch round's deadlines and met marks, through the generated columns V20 adds) and
 * {@code ratings} (counted, not excluded by an appeal) and {@code rating_cases} (the 差评 follow-up
 * cases' deadlines and when each step was recorded). It only reads, and all of its SQL is
 * here, so a change to one of those tables has one place to look in stats.
 *
 * <p>Speed comes from plain indexes and generated columns (V20__stats.sql) rather than summary
 * tables: PostgreSQL keeps them right on every write, and nothing has to be rebuilt when the past
 * changes (an upheld appeal sets {@code ratings.excluded_at}; the next read leaves the rating
 * out). The statement text is assembled from fixed fragments chosen by {@link Keying} and
 * {@link StatsQuery.Interval}; request values are only ever parameters.
 */
public final class StatsRepository {

  /** How rows are keyed. */
  enum Keying {
    /** Key = the department's own id, for every department (and null: tickets without one). */
    DEPARTMENT,
    /** Key = {@code keys[i]} for the counts of department {@code members[i]}: a subset, or roll-up. */
    DEPARTMENT_MAPPED,
    /** Key = the category code. */
    CATEGORY
  }

  /**
   * One statement's inputs.
   *
   * @param keys with DEPARTMENT_MAPPED: the row key of each pair
   * @param members with DEPARTMENT_MAPPED: the department counted into {@code keys[i]}
   * @param scan the departments counted at all (rows and totals), or null for every ticket, with
   *     or without a department
   * @param categoryPrefix leading digits of the category code, or null
   */
  record Request(Instant from, Instant to, Instant now, String zone, StatsQuery.Interval interval, Keying keying,
      String[] keys, String[] members, String[] scan, String categoryPrefix) {}

  /**
   * One figure's counts in one row ({@code total} false) or in the total of a period.
   * {@code period} and {@code key} may be null.
   */
  record Count(boolean total, LocalDate period, String key, String figure, long numerator, long denominator) {}

  /**
   * 按时签收, 响应, 按时办结 over the current dispatch round of each ticket, by the time it was
   * dispatched, for the department it was dispatched to. A deadline counts once decided: met (in
   * time when {@code met <= due}, the deadline feature's own rule), or unmet and already due when
   * its clock stopped (a kind the policy does not set has neither). The clock stops now for a
   * running row, at the pause for a paused one (a deadline the pause holds is still pending), and
   * at the last write for a row the deadline feature closed ({@code open_due_at} null, not
   * paused) because the ticket left the department (returned, merged, stopped, ended): a deadline
   * missed before that counts, one still running then does not.
   */
  private static final String DEADLINES = """
      dl AS (
        SELECT {period} AS period, d.department_id AS dept, {category} AS cat,
               {deadline:sign},
               {deadline:respond},
               {deadline:resolve}
          FROM ticket_deadlines d {tickets}
         CROSS JOIN LATERAL (SELECT CASE WHEN d.paused_at IS NOT NULL THEN d.paused_at
                                         WHEN d.open_due_at IS NULL THEN d.updated_at
                                         ELSE #{now} END AS stop) c
         WHERE d.dispatched_at >= #{from} AND d.dispatched_at < #{to} {filter}
         GROUP BY 1, 2, 3
      )""";

  private static final String DEADLINE = """
      count(*) FILTER (WHERE d.{k}_met_at <= d.{k}_by) AS {k}_ok,
               count(*) FILTER (WHERE d.{k}_met_at IS NOT NULL OR d.{k}_by <= c.stop) AS {k}_due""";

  /**
   * 解决率, 重办率, 直接办结率 over tickets received in the period, for their current department.
   * The centre's callback after a reply ends in CLOSE (solved) or REOPEN (not solved): a ticket
   * CLOSED now was last confirmed solved; one with a REOPEN event was called back.
   */
  private static final String RECEIVED = """
      tk AS (
        SELECT period, dept, cat,
               count(*) AS received,
               count(*) FILTER (WHERE status = 'ANSWERED') AS answered,
               count(*) FILTER (WHERE status = 'CLOSED' OR reopened) AS called_back,
               count(*) FILTER (WHERE status = 'CLOSED') AS solved,
               count(*) FILTER (WHERE reopened) AS reopened
          FROM (SELECT {period} AS period, t.department_id AS dept, {category} AS cat, t.status,
                       t.id IN (SELECT ticket_id FROM ticket_events WHERE action = 'REOPEN' AND at >= #{from})
                         AS reopened
                  FROM tickets t
                 WHERE t.created_at >= #{from} AND t.created_at < #{to} {filter}) AS x
         GROUP BY 1, 2, 3
      )""";

  /** 满意率, 差评率 over counted ratings received in the period, minus those an appeal excluded. */
  private static final String RATINGS = """
      rt AS (
        SELECT {period} AS period, t.department_id AS dept, {category} AS cat,
               count(*) AS rated,
               count(*) FILTER (WHERE r.level IN ('VERY_SATISFIED', 'SATISFIED', 'BASIC')) AS satisfied,
               count(*) FILTER (WHERE r.level IN ('DISSATISFIED', 'VERY_DISSATISFIED')) AS bad
          FROM ratings r LEFT JOIN tickets t ON t.id = r.ticket_id
         WHERE r.status = 'counted' AND r.excluded_at IS NULL
           AND r.created_at >= #{from} AND r.created_at < #{to} {filter}
         GROUP BY 1, 2, 3
      )""";

  /**
   * 差评按时办结率 over the 差评 follow-up cases (差评核实整改, the evaluation feature's
   * {@code rating_cases}) opened in the period, i.e. by their first 差评, for the rated ticket's
   * current department as the rating figures count. A case is due once its fix deadline has
   * passed or it is finished (fixed, explained or closed); it was in time when the callback was
   * recorded by its callback deadline (48 h) and the fix or explanation by its fix deadline (15
   * days). A case closed because every 差评 in it was appealed away is left out, as its ratings are.
   */
  private static final String CASES = """
      cs AS (
        SELECT {period} AS period, t.department_id AS dept, {category} AS cat,
               count(*) FILTER (WHERE k.due AND k.in_time) AS in_time,
               count(*) FILTER (WHERE k.due) AS due
          FROM rating_cases c JOIN tickets t ON t.id = c.ticket_id
         CROSS JOIN LATERAL (SELECT c.fix_due_at <= #{now} OR c.status IN ('FIXED', 'EXPLAINED', 'CLOSED') AS due,
                                    c.called_back_at <= c.callback_due_at
                                      AND least(c.fixed_at, c.explained_at) <= c.fix_due_at AS in_time) k
         WHERE c.close_reason IS DISTINCT FROM 'APPEAL_UPHELD'
           AND c.opened_at >= #{from} AND c.opened_at < #{to} {filter}
         GROUP BY 1, 2, 3
      )""";

  /**
   * 退单率 over dispatches in the period, to the department their event names. A dispatch was
   * returned when a RETURN follows it before the ticket's next DISPATCH (a return ends a round).
   */
  private static final String DISPATCHES = """
      dp AS (
        SELECT e.ticket_id, e.id, {period} AS period, (e.details ->> 'department_id') AS dept, {category} AS cat
          FROM ticket_events e {tickets}
         WHERE e.action = 'DISPATCH' AND e.at >= #{from} AND e.at < #{to} {filter}
      ), rn AS (
        SELECT dp.period, dp.dept, dp.cat, count(*) AS returned
          FROM dp JOIN ticket_events r
            ON r.ticket_id = dp.ticket_id AND r.action = 'RETURN' AND r.at >= #{from} AND r.id > dp.id
         WHERE NOT EXISTS (SELECT 1 FROM ticket_events x WHERE x.ticket_id = dp.ticket_id
                             AND x.action = 'DISPATCH' AND x.id > dp.id AND x.id < r.id)
         GROUP BY 1, 2, 3
      )""";

  /** Every family's counts in long form, per period, department and category. */
  private static final String BASE = """
      base AS (
        SELECT period, dept, cat, f.figure, f.num, f.den
          FROM dl, LATERAL (VALUES
            ('on_time_sign_rate', sign_ok, sign_due),
            ('response_rate', respond_ok, respond_due),
            ('on_time_resolve_rate', resolve_ok, resolve_due)) AS f(figure, num, den)
        UNION ALL
        SELECT period, dept, cat, f.figure, f.num, f.den
          FROM tk, LATERAL (VALUES
            ('resolution_rate', solved, called_back),
            ('reopen_rate', reopened, called_back),
            ('direct_answer_rate', answered, received)) AS f(figure, num, den)
        UNION ALL
        SELECT period, dept, cat, f.figure, f.num, f.den
          FROM rt, LATERAL (VALUES
            ('satisfaction_rate', satisfied, rated),
            ('bad_rating_rate', bad, rated)) AS f(figure, num, den)
        UNION ALL
        SELECT period, dept, cat, 'bad_rating_closed_in_time_rate', in_time, due FROM cs
        UNION ALL
        SELECT period, dept, cat, 'return_rate', 0, count(*) FROM dp GROUP BY 1, 2, 3
        UNION ALL
        SELECT period, dept, cat, 'return_rate', returned, 0 FROM rn
      )""";

  private static final String ANSWER = """
      SELECT * FROM (
        SELECT false AS total, period, {key} AS key, figure,
               sum(num)::bigint AS numerator, sum(den)::bigint AS denominator
          FROM base {join}
         GROUP BY period, 3, figure
        UNION ALL
        SELECT true, period, NULL, figure, sum(num)::bigint, sum(den)::bigint
          FROM base
         GROUP BY period, figure
      ) AS counts
      ORDER BY total, period, key COLLATE "C", figure""";

  /**
   * Runs the statement in the caller's transaction, with JIT compilation off for it: the
   * planner's cost estimate for this wide statement starts LLVM compilation that took 4.6 s of a
   * 5.8 s run of a 12-month trend (bench/README.md) while the execution itself needs well under a
   * second; {@code SET LOCAL} ends with the transaction, so the pooled connection is unchanged.
   */
  public Future<List<Count>> figures(SqlConnection tx, Request q) {
    return tx.query("SET LOCAL jit = off").execute().compose(v -> count(tx, q));
  }

  private Future<List<Count>> count(SqlConnection tx, Request q) {
    Map<String, Object> params = new HashMap<>();
    params.put("from", q.from().atOffset(ZoneOffset.UTC));
    params.put("to", q.to().atOffset(ZoneOffset.UTC));
    params.put("now", q.now().atOffset(ZoneOffset.UTC));
    params.put("zone", q.zone());
    params.put("keys", q.keys());
    params.put("members", q.members());
    params.put("scan", q.scan());
    params.put("category", q.categoryPrefix());
    return SqlTemplate.forQuery(tx, statement(q)).execute(params).map(rows -> {
      List<Count> out = new ArrayList<>();
      for (Row r : rows) {
        out.add(new Count(r.getBoolean("total"), r.getLocalDate("period"), r.getString("key"),
            r.getString("figure"), r.getLong("numerator"), r.getLong("denominator")));
      }
      return out;
    });
  }

  /** The statement for {@code q}'s shape (tests and the benchmark's EXPLAIN read it too). */
  static String statement(Request q) {
    boolean byCategory = q.keying() == Keying.CATEGORY;
    boolean needsTickets = byCategory || q.categoryPrefix() != null;
    String deadlines = family(DEADLINES, q, "d.dispatched_at", "d.department_id")
        .replace("{tickets}", needsTickets ? "JOIN tickets t ON t.id = d.ticket_id" : "")
        .replace("{deadline:sign}", DEADLINE.replace("{k}", "sign"))
        .replace("{deadline:respond}", DEADLINE.replace("{k}", "respond"))
        .replace("{deadline:resolve}", DEADLINE.replace("{k}", "resolve"));
    String received = family(RECEIVED, q, "t.created_at", "t.department_id");
    String ratings = family(RATINGS, q, "r.created_at", "t.department_id");
    String cases = family(CASES, q, "c.opened_at", "t.department_id");
    String dispatches = family(DISPATCHES, q, "e.at", "(e.details ->> 'department_id')")
        .replace("{tickets}", needsTickets ? "JOIN tickets t ON t.id = e.ticket_id" : "");
    String answer = ANSWER
        .replace("{key}", switch (q.keying()) {
          case DEPARTMENT -> "dept";
          case DEPARTMENT_MAPPED -> "g.key";
          case CATEGORY -> "cat";
        })
        .replace("{join}", q.keying() == Keying.DEPARTMENT_MAPPED
            ? "JOIN unnest(#{keys}::text[], #{members}::text[]) AS g(key, member) ON g.member = base.dept" : "");
    return "WITH " + String.join(",\n", deadlines, received, ratings, cases, dispatches, BASE) + "\n" + answer;
  }

  /**
   * Fills one family's placeholders: its period expression, the category column, and the
   * filters on departments and category ({@code t} is the tickets row wherever it is needed).
   */
  private static String family(String sql, Request q, String at, String department) {
    StringBuilder filter = new StringBuilder();
    if (q.scan() != null) {
      filter.append(" AND ").append(department).append(" = ANY(#{scan}::text[])");
    }
    if (q.categoryPrefix() != null) {
      filter.append(" AND starts_with(t.category_code, #{category})");
    }
    return sql.replace("{period}", period(q.interval(), at))
        .replace("{category}", q.keying() == Keying.CATEGORY ? "t.category_code" : "NULL::text")
        .replace("{filter}", filter.toString());
  }

  private static String period(StatsQuery.Interval interval, String at) {
    return switch (interval) {
      case NONE -> "NULL::date";
      case DAY -> "(" + at + " AT TIME ZONE #{zone})::date";
      case MONTH -> "date_trunc('month', " + at + " AT TIME ZONE #{zone})::date";
    };
  }
}
