package org.open12345.hotline.stats;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of the figures: one statement counts every figure of every row, grouped by period and
 * key, and answers in long form (period, key, figure id, numerator, denominator).
 *
 * <p>This is the one documented exception to "a feature reads only its own tables": reporting is
 * a read model over the ticket event log ({@code ticket_events}), {@code tickets},
 * {@code ticket_deadlines} (the current round's deadlines and met marks, as the deadline feature
 * stores them) and {@code ratings} (counted, not excluded by an appeal). It only reads, and all
 * of its SQL is here, so a change to one of those tables has one place to look in stats.
 *
 * <p>Speed comes from plain indexes (V20__stats.sql) rather than summary tables: nothing has to
 * be rebuilt when the past changes (an upheld appeal sets {@code ratings.excluded_at}; the next
 * read leaves the rating out). The statement text is assembled from fixed fragments chosen by
 * {@link Keying} and {@link StatsQuery.Interval}; request values are only ever parameters.
 */
public final class StatsRepository {

  /** How rows are keyed. */
  enum Keying {
    /** Key = the department's own id, every department (and no department: null). */
    DEPARTMENT,
    /** Key = {@code keys[i]} for a ticket of {@code members[i]}: a subset of departments, or roll-up. */
    DEPARTMENT_MAPPED,
    /** Key = the category code. */
    CATEGORY,
    /** One key (null): the total. */
    TOTAL
  }

  /**
   * One statement's inputs.
   *
   * @param keys with DEPARTMENT_MAPPED: the row key of each pair
   * @param members with DEPARTMENT_MAPPED: the department counted into {@code keys[i]}; with
   *     CATEGORY and TOTAL: the departments counted (null = every ticket, with or without one)
   * @param categoryPrefix leading digits of the category code, or null
   */
  record Request(Instant from, Instant to, Instant now, String zone, StatsQuery.Interval interval, Keying keying,
      String[] keys, String[] members, String categoryPrefix) {}

  /** One figure's counts in one row. {@code period} and {@code key} may be null. */
  record Count(LocalDate period, String key, String figure, long numerator, long denominator) {}

  /**
   * Tickets received in the period: deadline figures over the current dispatch round
   * (ticket_deadlines), callback outcomes (CLOSED now = solved; a REOPEN event = called back),
   * direct answers. "held" = still the department's: not returned awaiting re-dispatch, merged
   * or stopped. A deadline counts once decided: met (in time or late), or due and not held by a
   * pause; {@code met <= due} is the deadline feature's own "met in time".
   */
  private static final String TICKETS = """
      tk AS (
        SELECT {period} AS period, {key} AS key, t.status,
               d.ticket_id IS NOT NULL AND t.status NOT IN ('RETURNED', 'MERGED', 'STOPPED') AS held,
               d.sign_by, d.respond_by, d.resolve_by, d.paused_at,
               (d.state #>> '{deadlines,SIGN,met_at}')::timestamptz AS sign_met,
               (d.state #>> '{deadlines,RESPOND,met_at}')::timestamptz AS respond_met,
               (d.state #>> '{deadlines,RESOLVE,met_at}')::timestamptz AS resolve_met,
               t.id IN (SELECT ticket_id FROM ticket_events WHERE action = 'REOPEN' AND at >= #{from}) AS reopened
          FROM tickets t {join}
          LEFT JOIN ticket_deadlines d ON d.ticket_id = t.id
         WHERE t.created_at >= #{from} AND t.created_at < #{to} {filter}
      ), tk_sum AS (
        SELECT period, key,
               count(*) AS received,
               count(*) FILTER (WHERE status = 'ANSWERED') AS answered,
               {deadline:sign}, {deadline:respond}, {deadline:resolve},
               count(*) FILTER (WHERE status = 'CLOSED' OR reopened) AS called_back,
               count(*) FILTER (WHERE status = 'CLOSED') AS solved,
               count(*) FILTER (WHERE reopened) AS reopened
          FROM tk GROUP BY period, key
      )""";

  private static final String DEADLINE = """
      count(*) FILTER (WHERE held AND {k}_met <= {k}_by) AS {k}_ok,
               count(*) FILTER (WHERE held AND {k}_by IS NOT NULL AND ({k}_met IS NOT NULL
                 OR ({k}_by <= #{now} AND NOT coalesce({k}_by > paused_at, false)))) AS {k}_due""";

  /** Counted ratings received in the period, minus those an upheld appeal excluded. */
  private static final String RATINGS = """
      rt_sum AS (
        SELECT {period} AS period, {key} AS key,
               count(*) AS rated,
               count(*) FILTER (WHERE r.level IN ('VERY_SATISFIED', 'SATISFIED', 'BASIC')) AS satisfied,
               count(*) FILTER (WHERE r.level IN ('DISSATISFIED', 'VERY_DISSATISFIED')) AS bad
          FROM ratings r LEFT JOIN tickets t ON t.id = r.ticket_id {join}
         WHERE r.status = 'counted' AND r.excluded_at IS NULL
           AND r.created_at >= #{from} AND r.created_at < #{to} {filter}
         GROUP BY 1, 2
      )""";

  /**
   * Dispatches in the period, to the department their event names; a dispatch was returned when
   * a RETURN follows it before the ticket's next DISPATCH (a return always ends its round).
   */
  private static final String DISPATCHES = """
      dp AS (
        SELECT e.ticket_id, e.id, {period} AS period, {key} AS key
          FROM ticket_events e {tickets} {join}
         WHERE e.action = 'DISPATCH' AND e.at >= #{from} AND e.at < #{to} {filter}
      ), dp_sum AS (
        SELECT period, key, count(*) AS dispatched FROM dp GROUP BY 1, 2
      ), rn_sum AS (
        SELECT dp.period, dp.key, count(*) AS returned
          FROM dp JOIN ticket_events r
            ON r.ticket_id = dp.ticket_id AND r.action = 'RETURN' AND r.at >= #{from} AND r.id > dp.id
         WHERE NOT EXISTS (SELECT 1 FROM ticket_events x WHERE x.ticket_id = dp.ticket_id
                             AND x.action = 'DISPATCH' AND x.id > dp.id AND x.id < r.id)
         GROUP BY 1, 2
      )""";

  private static final String ANSWER = """
      SELECT * FROM (
      SELECT period, key, f.figure, f.numerator, f.denominator
        FROM tk_sum, LATERAL (VALUES
          ('response_rate', respond_ok, respond_due),
          ('on_time_sign_rate', sign_ok, sign_due),
          ('on_time_resolve_rate', resolve_ok, resolve_due),
          ('resolution_rate', solved, called_back),
          ('reopen_rate', reopened, called_back),
          ('direct_answer_rate', answered, received)) AS f(figure, numerator, denominator)
      UNION ALL
      SELECT period, key, f.figure, f.numerator, f.denominator
        FROM rt_sum, LATERAL (VALUES
          ('satisfaction_rate', satisfied, rated),
          ('bad_rating_rate', bad, rated)) AS f(figure, numerator, denominator)
      UNION ALL
      SELECT s.period, s.key, 'return_rate', coalesce(n.returned, 0), s.dispatched
        FROM dp_sum s LEFT JOIN rn_sum n
          ON n.period IS NOT DISTINCT FROM s.period AND n.key IS NOT DISTINCT FROM s.key
      ) AS counts
      ORDER BY period, key COLLATE "C", figure""";

  public Future<List<Count>> figures(SqlClient db, Request q) {
    Map<String, Object> params = new HashMap<>();
    params.put("from", q.from().atOffset(ZoneOffset.UTC));
    params.put("to", q.to().atOffset(ZoneOffset.UTC));
    params.put("now", q.now().atOffset(ZoneOffset.UTC));
    params.put("zone", q.zone());
    params.put("keys", q.keys());
    params.put("members", q.members());
    params.put("category", q.categoryPrefix());
    return SqlTemplate.forQuery(db, statement(q)).execute(params).map(rows -> {
      List<Count> out = new ArrayList<>();
      for (Row r : rows) {
        out.add(new Count(r.getLocalDate("period"), r.getString("key"), r.getString("figure"),
            r.getLong("numerator"), r.getLong("denominator")));
      }
      return out;
    });
  }

  /** The statement for {@code q}'s shape; exposed to tests and to the benchmark's EXPLAIN. */
  static String statement(Request q) {
    String tickets = shape(TICKETS, q, "t.created_at", "t.department_id", true)
        .replace("{deadline:sign}", DEADLINE.replace("{k}", "sign"))
        .replace("{deadline:respond}", DEADLINE.replace("{k}", "respond"))
        .replace("{deadline:resolve}", DEADLINE.replace("{k}", "resolve"));
    String ratings = shape(RATINGS, q, "r.created_at", "t.department_id", true);
    boolean needsTickets = q.keying() == Keying.CATEGORY || q.categoryPrefix() != null;
    String dispatches = shape(DISPATCHES, q, "e.at", "(e.details ->> 'department_id')", needsTickets)
        .replace("{tickets}", needsTickets ? "JOIN tickets t ON t.id = e.ticket_id" : "");
    return "WITH " + tickets + ",\n" + ratings + ",\n" + dispatches + "\n" + ANSWER;
  }

  /**
   * Fills one family's placeholders: its period and key expressions, the department mapping join,
   * and the filters on departments and category ({@code t} is the tickets row when joined).
   */
  private static String shape(String sql, Request q, String at, String department, boolean ticketsJoined) {
    String key = switch (q.keying()) {
      case DEPARTMENT -> department;
      case DEPARTMENT_MAPPED -> "g.key";
      case CATEGORY -> "t.category_code";
      case TOTAL -> "NULL::text";
    };
    String join = q.keying() == Keying.DEPARTMENT_MAPPED
        ? "JOIN unnest(#{keys}::text[], #{members}::text[]) AS g(key, member) ON g.member = " + department
        : "";
    StringBuilder filter = new StringBuilder();
    if ((q.keying() == Keying.CATEGORY || q.keying() == Keying.TOTAL) && q.members() != null) {
      filter.append(" AND ").append(department).append(" = ANY(#{members}::text[])");
    }
    if (q.categoryPrefix() != null && ticketsJoined) {
      filter.append(" AND starts_with(t.category_code, #{category})");
    }
    return sql.replace("{period}", period(q.interval(), at))
        .replace("{key}", key)
        .replace("{join}", join)
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
