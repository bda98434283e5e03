package org.open12345.hotline.intake.sms;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestServer;

/**
 * The batch's outcome UPDATEs join their rows to inbound_messages: a generic plan made while the
 * table was small kept a sequential scan as it grew (12,810 scans reading 270 M rows in one bench
 * run, bench/README.md "Session 5"). The server's connections must not keep them prepared, so
 * they are planned for their values at each call; the claim stays prepared.
 */
class OutcomePlanningTest {

  @Test
  void theOutcomeUpdatesAreNotKeptPreparedTheClaimIs() {
    try (TestServer s = TestServer.start()) {
      Pool pool = s.server().features().pool;
      InboundMessageRepository messages = new InboundMessageRepository();
      // Beyond the five executions after which PostgreSQL may switch a kept statement to a generic plan.
      List<String> kept = Await.resultOf(pool.withConnection(c -> repeat(7, c,
              x -> messages.mark(x, -1, InboundSmsHandler.Outcome.UNPARSED, "none", null, null, null))
          .compose(v -> repeat(7, c, x -> messages.markTicket(x, -1, -1, "20261201000001")))
          .compose(v -> repeat(7, c, x -> x.preparedQuery(
              "SELECT count(*) FROM inbound_messages WHERE id = $1").execute(io.vertx.sqlclient.Tuple.of(-1L))))
          .compose(v -> c.query("SELECT statement FROM pg_prepared_statements").execute())
          .map(rows -> {
            List<String> out = new ArrayList<>();
            for (Row r : rows) {
              out.add(r.getString(0));
            }
            return out;
          })));
      assertTrue(kept.stream().anyMatch(sql -> sql.contains("FROM inbound_messages WHERE id = $1")),
          "an ordinary statement is kept prepared: " + kept);
      assertTrue(kept.stream().noneMatch(sql -> sql.contains("UPDATE inbound_messages m")),
          "the outcome UPDATEs are not kept prepared: " + kept);
    }
  }

  private static Future<Void> repeat(int times, SqlConnection c, java.util.function.Function<SqlConnection, Future<?>> statement) {
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < times; i++) {
      chain = chain.compose(v -> statement.apply(c).mapEmpty());
    }
    return chain;
  }
}
