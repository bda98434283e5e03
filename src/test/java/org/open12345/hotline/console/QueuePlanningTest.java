package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestServer;

/**
 * The server's connections plan each prepared statement for its values (V80): a generic plan of the
 * desks' queue statement reads every ticket for a state the department has none in
 * (bench/README.md, "Console (issue 14)").
 */
class QueuePlanningTest {
  @Test
  void everyConnectionPlansStatementsForTheirValues() {
    try (TestServer s = TestServer.start()) {
      String mode = Await.resultOf(s.server().features().pool.query("SHOW plan_cache_mode").execute())
          .iterator().next().getString(0);
      assertEquals("force_custom_plan", mode);
    }
  }
}
