package org.open12345.hotline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.intake.IntakeTesting;
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

  /**
   * The case the limit is for: an instance froze while storing an SMS, its claim row uncommitted.
   * The provider's retry of that SMS to a live instance waits on the claim, and goes through (one
   * ticket) once PostgreSQL ends the frozen session, not when TCP keepalive would.
   */
  @Test
  void aRetryOfAnSmsWhoseClaimAFrozenInstanceHoldsGoesThroughAfterTheLimit() throws Exception {
    Map<String, String> config = new HashMap<>(IntakeTesting.config());
    config.put("db.idle_in_transaction_timeout", "2s");
    try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
      SqlConnection frozen = Await.resultOf(server.server().pool().getConnection());
      Await.resultOf(frozen.begin());
      Await.resultOf(frozen.query("""
          INSERT INTO inbound_messages (provider, provider_message_id, phone, destination, text_body, raw,
                                        received_at, arrived_at)
          VALUES ('generic', 'frozen-1', '13800138000', '12345', '路灯坏了', '{}', now(), now())""").execute());
      String body = new JsonObject().put("id", "frozen-1").put("from", "13800138000").put("to", "12345")
          .put("text", "小区门口路灯坏了三天").put("received_at", Instant.now().toString()).encode();
      var answer = IntakeTesting.genericSms(server, body, "frozen-1");
      assertEquals(200, answer.status(), answer.body());
      assertEquals(1, IntakeTesting.ticketsOf(server, "13800138000").size(), "one ticket");
    }
  }

  static String setting(Map<String, String> overrides) {
    try (TestServer server = TestServer.start(overrides, Clock.systemUTC())) {
      return Await.resultOf(server.server().pool().query("SHOW idle_in_transaction_session_timeout")
          .execute().map(rows -> rows.iterator().next().getString(0)));
    }
  }

  @Test
  void theShippedTwentySecondsAreSetAndZeroLeavesPostgreSqlsOwn() {
    assertEquals("20s", setting(Map.of()));
    assertEquals("0", setting(Map.of("db.idle_in_transaction_timeout", "0s")));
  }
}
