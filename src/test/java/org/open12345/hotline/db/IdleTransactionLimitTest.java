package org.open12345.hotline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestServer;

/**
 * A pool session left idle inside a transaction (what a frozen instance leaves behind) is ended by
 * PostgreSQL after {@code db.idle_in_transaction_timeout}, and the lock it held is free again.
 */
class IdleTransactionLimitTest {

  static boolean lockIsFree(Pool pool) {
    return Await.resultOf(pool.query("SELECT pg_try_advisory_xact_lock(4242)").execute()
        .map(rows -> rows.iterator().next().getBoolean(0)));
  }

  @Test
  void aTransactionLeftIdleIsEndedAndItsLockFreed() throws Exception {
    try (TestServer server = TestServer.start(Map.of("db.idle_in_transaction_timeout", "1s"), Clock.systemUTC())) {
      Pool pool = server.server().pool();
      SqlConnection frozen = Await.resultOf(pool.getConnection());
      Await.resultOf(frozen.begin());
      Await.resultOf(frozen.query("SELECT pg_advisory_xact_lock(4242)").execute());
      assertTrue(!lockIsFree(pool), "held by the open transaction");
      Await.until(() -> lockIsFree(pool));
      assertTrue(frozen.query("SELECT 1").execute().toCompletionStage().toCompletableFuture()
          .handle((ok, failed) -> failed != null).get(), "its session was ended");
    }
  }

  static String setting(Map<String, String> overrides) {
    try (TestServer server = TestServer.start(overrides, Clock.systemUTC())) {
      return Await.resultOf(server.server().pool().query("SHOW idle_in_transaction_session_timeout")
          .execute().map(rows -> rows.iterator().next().getString(0)));
    }
  }

  @Test
  void theShippedMinuteIsSetAndZeroLeavesPostgreSqlsOwn() {
    assertEquals("1min", setting(Map.of()));
    assertEquals("0", setting(Map.of("db.idle_in_transaction_timeout", "0s")));
  }
}
