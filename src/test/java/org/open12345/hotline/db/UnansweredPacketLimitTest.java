package org.open12345.hotline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.intake.IntakeTesting;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.DarkConnections;
import org.open12345.hotline.testing.TestServer;

/**
 * The database host vanishes without a word (a failover whose old primary is gone): the pool's
 * connections go dark, new connections work. Each dark connection fails after
 * {@code db.tcp_user_timeout}, not after the kernel's fifteen minutes of retransmissions, and the
 * pool connects anew.
 */
class UnansweredPacketLimitTest {

  @Test
  void aPoolWhoseConnectionsWentDarkFailsThemAfterTheLimitAndConnectsAnew() throws Exception {
    Map<String, String> config = new HashMap<>();
    config.put("db.pool_size", "2");
    config.put("db.tcp_user_timeout", "2s");
    try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
      Pool pool = server.server().pool();
      // Both of the pool's connections open, then idle.
      Await.result(Future.all(pool.query("SELECT pg_sleep(0.2)").execute(),
          pool.query("SELECT pg_sleep(0.2)").execute()));
      List<Integer> ports = ports(server, "");
      try (DarkConnections dark = DarkConnections.cut(server.database().port(), ports)) {
        Future<?> onADarkConnection = pool.query("SELECT 1").execute();
        // Without the limit it would wait about fifteen minutes; the test's own bound is ten times the limit.
        Throwable failure = onADarkConnection.toCompletionStage().toCompletableFuture()
            .handle((ok, e) -> e).get(20, TimeUnit.SECONDS);
        assertTrue(failure != null, "a query on a dark connection cannot succeed");
        assertTrue(DatabaseUnreachable.is(failure), "answered 503, not 500: " + failure);
        Await.until(() -> answers(pool), Duration.ofSeconds(30));
        Await.until(() -> server.postJson("/api/complaints", IntakeTesting.complaint("13900000311",
            "数据库切换后的第一张工单")).status() == 201, Duration.ofSeconds(30));
      }
    }
  }

  /**
   * A LISTEN connection sends nothing while it waits: only keepalive probes find out that it went
   * dark. Each listener (console live updates, and the relay and scheduler where they run) is then
   * ended and listens again on a new connection.
   */
  @Test
  void aListenerWhoseConnectionWentDarkListensAgainOnANewOne() throws Exception {
    try (TestServer server = TestServer.start(Map.of("db.tcp_user_timeout", "2s"), Clock.systemUTC())) {
      String listening = " AND query LIKE 'LISTEN%'";
      Await.until(() -> !ports(server, listening).isEmpty());
      List<Integer> cut = new java.util.ArrayList<>();
      // Twice: the connections a subscriber makes again are guarded as its first one was.
      for (int round = 0; round < 2; round++) {
        List<Integer> before = ports(server, listening).stream().filter(p -> !cut.contains(p)).toList();
        cut.addAll(before);
        try (DarkConnections dark = DarkConnections.cut(server.database().port(), before)) {
          Await.until(() -> ports(server, listening).stream().filter(p -> !cut.contains(p)).count() >= before.size(),
              Duration.ofSeconds(30));
        }
      }
    }
  }

  /**
   * The COMMIT of a batch reaches PostgreSQL and is applied, but its answer never comes back: the
   * answers go dark just as the COMMIT is written, and the connection fails at the limit with the
   * outcome unknown. Running the batch's units again would store the complaint twice; it is
   * answered 503 instead, and stored once. Sent again with its idempotency key, it is answered
   * with that ticket.
   */
  @Test
  void aBatchWhoseCommitOutcomeIsLostIsNotRunAgainAndItsRetryGetsTheStoredTicket() throws Exception {
    Map<String, String> config = new HashMap<>();
    config.put("db.pool_size", "1");
    config.put("db.tcp_user_timeout", "2s");
    config.put("intake.batch.enabled", "true"); // the case is group commit's: its COMMIT rides with the checks
    try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
      SqlConnection only = Await.result(server.server().pool().getConnection());
      ChannelPipeline pipeline = PooledSocket.pipelineOf(only);
      int local = ((InetSocketAddress) pipeline.channel().localAddress()).getPort();
      AtomicReference<DarkConnections> dark = new AtomicReference<>();
      pipeline.addFirst("test-dark-at-commit", new ChannelOutboundHandlerAdapter() {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
          if (dark.get() == null && msg instanceof ByteBuf bytes
              && bytes.toString(StandardCharsets.UTF_8).contains("COMMIT; BEGIN")) {
            dark.set(DarkConnections.cutAnswers(server.database().port(), List.of(local)));
          }
          ctx.write(msg, promise);
        }
      });
      Await.result(only.close());
      String description = "提交结果未知的工单，不得重复入库";
      JsonObject complaint = IntakeTesting.complaint("13900000312", description);
      String key = UUID.randomUUID().toString();
      try {
        TestServer.Response answer = CompletableFuture.supplyAsync(() -> server.postJson("/api/complaints",
            complaint, "Idempotency-Key", key)).get(20, TimeUnit.SECONDS);
        assertTrue(dark.get() != null, "the answers went dark at the COMMIT");
        assertEquals(503, answer.status(), answer.body());
      } finally {
        if (dark.get() != null) {
          dark.get().close();
        }
      }
      assertEquals(List.of("1"), server.column("SELECT count(*)::text FROM tickets WHERE description = ?", description),
          "stored once, by the COMMIT whose answer was lost");
      // the citizen does as the 503 says and sends it again, with its key: the stored ticket answers
      TestServer.Response retried = server.postJson("/api/complaints", complaint, "Idempotency-Key", key);
      assertEquals(201, retried.status(), retried.body());
      assertEquals("true", retried.header("Idempotent-Replayed"));
      assertEquals(server.column("SELECT number FROM tickets WHERE description = ?", description),
          List.of(retried.json().getString("number")));
    }
  }

  /** The local ports of the server's connections to its database (those matching {@code where}). */
  private static List<Integer> ports(TestServer server, String where) {
    try {
      return server.column("""
          SELECT client_port::text FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND client_port > 0""" + where)
          .stream().map(Integer::valueOf).toList();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean answers(Pool pool) {
    return pool.query("SELECT 1").execute().toCompletionStage().toCompletableFuture()
        .handle((ok, e) -> e == null).join();
  }
}
