package org.open12345.hotline.testing;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Which statements a server connection keeps prepared after running some statements more often
 * than the five executions after which PostgreSQL may switch a kept statement to a generic plan:
 * what the tests of value-planned statements (db/ValuePlans) look at.
 */
public final class KeptStatements {
  private static final int BEYOND_CUSTOM_PLANS = 7;

  private KeptStatements() {}

  /** Runs each statement seven times on one connection of the pool, then reads pg_prepared_statements. */
  @SafeVarargs
  public static List<String> after(Pool pool, Function<SqlConnection, Future<?>>... statements) {
    return Await.resultOf(pool.withConnection(c -> {
      Future<Void> chain = Future.succeededFuture();
      for (Function<SqlConnection, Future<?>> statement : statements) {
        for (int i = 0; i < BEYOND_CUSTOM_PLANS; i++) {
          chain = chain.compose(v -> statement.apply(c).mapEmpty());
        }
      }
      return chain.compose(v -> c.query("SELECT statement FROM pg_prepared_statements").execute())
          .map(rows -> {
            List<String> out = new ArrayList<>();
            for (Row r : rows) {
              out.add(r.getString(0));
            }
            return out;
          });
    }));
  }
}
