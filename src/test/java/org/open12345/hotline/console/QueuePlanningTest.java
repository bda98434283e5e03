package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.ticket.TicketQuery;
import org.open12345.hotline.ticket.TicketRepository;
import org.open12345.hotline.ticket.TicketStatus;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestServer;

/**
 * The desks' queue statement is planned for its values at every call: a generic plan of it reads
 * every ticket for a state the department has none in (20 s with 5 M tickets, bench/README.md,
 * "Console (issue 14)"). PostgreSQL only keeps a generic plan for a prepared statement the
 * connection keeps; the server's connections must not keep this one, and still keep the others
 * (re-planning every statement cost intake 20-35 %).
 */
class QueuePlanningTest {
  private static final TicketQuery DESK_QUEUE =
      new TicketQuery(TicketStatus.REOPENED, null, null, null, null, 0, 50, List.of("hhht.tuoketuo"));

  @Test
  void theServersConnectionsKeepOtherStatementsButNotTheDesksQueue() {
    try (TestServer s = TestServer.start()) {
      Pool pool = s.server().features().pool;
      TicketRepository tickets = new TicketRepository(ZoneOffset.UTC);
      // Beyond the five executions after which PostgreSQL may switch a kept statement to a generic plan.
      List<String> kept = Await.resultOf(pool.withConnection(c -> repeat(7, c, x -> tickets.list(x, DESK_QUEUE))
          .compose(v -> repeat(7, c, x -> tickets.findByNumber(x, "20261201000001", List.of("hhht.tuoketuo"))))
          .compose(v -> c.query("SELECT statement FROM pg_prepared_statements").execute())
          .map(rows -> {
            List<String> out = new ArrayList<>();
            for (Row r : rows) {
              out.add(r.getString(0));
            }
            return out;
          })));
      assertTrue(kept.stream().anyMatch(sql -> sql.contains("FROM tickets WHERE number = $1")),
          "an ordinary statement is kept prepared: " + kept);
      assertTrue(kept.stream().noneMatch(sql -> sql.contains("ORDER BY created_at DESC, id DESC LIMIT")),
          "the desks' queue is not kept prepared: " + kept);
    }
  }

  private static Future<Void> repeat(int times, SqlConnection c, Function<SqlConnection, Future<?>> statement) {
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < times; i++) {
      chain = chain.compose(v -> statement.apply(c).mapEmpty());
    }
    return chain;
  }
}
