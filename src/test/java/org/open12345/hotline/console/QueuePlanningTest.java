package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.sqlclient.Pool;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.ticket.TicketQuery;
import org.open12345.hotline.ticket.TicketRepository;
import org.open12345.hotline.ticket.TicketStatus;
import org.open12345.hotline.testing.KeptStatements;
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
      List<String> kept = KeptStatements.after(pool, x -> tickets.list(x, DESK_QUEUE),
          x -> tickets.findByNumber(x, "20261201000001", List.of("hhht.tuoketuo")));
      assertTrue(kept.stream().anyMatch(sql -> sql.contains("FROM tickets WHERE number = $1")),
          "an ordinary statement is kept prepared: " + kept);
      assertTrue(kept.stream().noneMatch(sql -> sql.contains("ORDER BY created_at DESC, id DESC LIMIT")),
          "the desks' queue is not kept prepared: " + kept);
    }
  }
}
