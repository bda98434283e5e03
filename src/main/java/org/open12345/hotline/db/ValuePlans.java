package org.open12345.hotline.db;

import io.vertx.pgclient.PgConnectOptions;
import java.util.function.Predicate;

/**
 * Statements PostgreSQL must plan for their values at every call. The server's connections cache
 * prepared statements (named, parsed once per connection), and after five executions PostgreSQL
 * may keep a generic plan that knows none of the parameters. For most statements that plan is as
 * good and saves the planning (intake lost 20-35 % when every statement was re-planned, V80); for
 * a few reads over the whole tickets table it is ruinous: the desks' queue for a state the
 * department has no ticket in read all 5 M tickets, 20 s instead of 0.1 ms (bench/README.md,
 * "Console (issue 14)").
 *
 * <p>A statement whose text starts with {@link #MARKER} is kept out of the connection's cache, so
 * the client sends it as PostgreSQL's unnamed statement: parsed, then planned for the bound
 * values (a fresh statement always gets a custom plan), at every call. Its parameters stay
 * parameters; the cost is one more round trip and a fraction of a millisecond of planning.
 */
public final class ValuePlans {
  /** Leading comment of a statement planned per call; PostgreSQL ignores it. */
  public static final String MARKER = "/* planned per call */ ";

  private ValuePlans() {}

  /** {@code sql} marked to be planned for its values at every call. */
  public static String perCall(String sql) {
    return MARKER + sql;
  }

  /** True for statements that may be kept prepared (and so may get a generic plan). */
  public static boolean cacheable(String sql) {
    return !sql.startsWith(MARKER);
  }

  /** Caches prepared statements except the ones marked {@link #perCall}. */
  public static PgConnectOptions caching(PgConnectOptions options) {
    Predicate<String> within = options.getPreparedStatementCacheSqlFilter();
    return options.setCachePreparedStatements(true)
        .setPreparedStatementCacheSqlFilter(sql -> cacheable(sql) && within.test(sql));
  }
}
