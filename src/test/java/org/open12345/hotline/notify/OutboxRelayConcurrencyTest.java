package org.open12345.hotline.notify;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.db.DatabaseUrl;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestDatabase;
import org.open12345.hotline.testing.TestServer;

/**
 * Several relays on one database, and a relay that dies after claiming: counted at a receiving
 * HTTP server (the signed-webhook channel), which sees each message's outbox id.
 */
class OutboxRelayConcurrencyTest {
  static final Duration MINUTE = Duration.ofSeconds(60);
  Vertx vertx;
  HttpServer sink;
  final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
  final List<TestServer> servers = new ArrayList<>();
  /** While true the sink answers nothing: it keeps the requests in {@link #held}. */
  volatile boolean holding;
  final List<HttpServerRequest> held = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeEach
  void startSink() throws Exception {
    vertx = Vertx.vertx();
    sink = vertx.createHttpServer().requestHandler(req -> {
      received.computeIfAbsent(req.getHeader("webhook-id"), k -> new AtomicInteger()).incrementAndGet();
      if (holding) {
        held.add(req);
      } else {
        req.response().setStatusCode(204).end();
      }
    }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    servers.forEach(TestServer::close);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  Map<String, String> config(boolean relay) {
    Map<String, String> o = new HashMap<>();
    o.put("messaging.webhook.endpoints.sink.url", "http://127.0.0.1:" + sink.actualPort() + "/hook");
    o.put("messaging.webhook.endpoints.sink.secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    o.put("outbox.relay_enabled", String.valueOf(relay));
    o.put("outbox.poll_interval", "0.2s");
    o.put("outbox.batch_size", "20");
    o.put("db.pool_size", "6");
    return o;
  }

  TestServer start(DatabaseUrl db, boolean relay) {
    TestServer s = TestServer.start(db, config(relay), Clock.systemUTC());
    servers.add(s);
    return s;
  }

  static NewMessage hook(int i) {
    return new NewMessage("ticket-event", "webhook", "sink", null, "event " + i, null, "hook:" + i,
        new JsonObject().put("data", new JsonObject().put("i", i)), null, false);
  }


  /** Writes the messages {@code hook(first)} … {@code hook(first + count - 1)} in one transaction. */
  static Future<Long> enqueueHooks(TestServer writer, int first, int count) {
    return writer.server().pool().withTransaction(tx -> {
      Future<Long> chain = Future.succeededFuture();
      for (int i = first; i < first + count; i++) {
        NewMessage m = hook(i);
        chain = chain.compose(v -> writer.server().features().outbox.enqueue(tx, m));
      }
      return chain;
    });
  }

  @Test
  void twoRelaysDeliverAThousandMessagesWithNoDuplicateAndNoLoss() throws Exception {
    DatabaseUrl db = TestDatabase.freshDatabase();
    TestServer a = start(db, true);
    TestServer b = start(db, true);
    // Written from both servers in batches of 50 per transaction, while both relays run.
    List<Future<?>> writes = new ArrayList<>();
    for (int batch = 0; batch < 20; batch++) {
      TestServer writer = batch % 2 == 0 ? a : b;
      int first = batch * 50;
      writes.add(enqueueHooks(writer, first, 50));
    }
    writes.forEach(f -> Await.resultOf(f));
    Await.until(() -> received.size() == 1000, MINUTE);
    Await.until(() -> a.get("/api/outbox?status=pending&limit=1", As.DISPATCHER).json().getJsonArray("items").isEmpty(),
        MINUTE);
    assertEquals(1000, received.size(), "no loss");
    received.forEach((id, n) -> assertEquals(1, n.get(), "message " + id + " delivered " + n + " times"));
    var sent = a.get("/api/outbox?status=sent&limit=500", As.DISPATCHER).json().getJsonArray("items");
    assertEquals(500, sent.size());
  }

  /**
   * A receiver that takes requests and never answers, with a sender timeout far beyond the claim
   * lease: the relay still records an outcome for each message before its claim ends, instead of
   * holding both of its rounds until the sender gives up, and sends again once the receiver works.
   */
  @Test
  void aSendWithoutAnswerEndsBeforeItsClaimAndIsRetried() throws Exception {
    holding = true;
    Map<String, String> cfg = config(true);
    cfg.put("outbox.claim_lease", "2s");
    cfg.put("messaging.webhook.timeoutMs", "600000");
    cfg.put("messaging.retry.baseSeconds", "1");
    cfg.put("messaging.retry.capSeconds", "1");
    TestServer server = TestServer.start(TestDatabase.freshDatabase(), cfg, Clock.systemUTC());
    servers.add(server);
    int messages = 5;
    Await.resultOf(enqueueHooks(server, 0, messages));
    Await.until(() -> {
      var items = server.get("/api/outbox?limit=50", As.DISPATCHER).json().getJsonArray("items");
      for (int i = 0; i < items.size(); i++) {
        String error = items.getJsonObject(i).getString("last_error");
        if (error == null || !error.equals("no outcome from the webhook sender within 1800 ms")) {
          return false;
        }
      }
      return items.size() == messages;
    });
    holding = false;
    held.forEach(req -> req.response().setStatusCode(204).end());
    Await.until(() -> {
      var items = server.get("/api/outbox?limit=50", As.DISPATCHER).json().getJsonArray("items");
      return items.stream().allMatch(o -> "sent".equals(((JsonObject) o).getString("status")));
    }, MINUTE);
  }

  /** A relay killed between claim and send leaves a claim with no outcome: it expires and the message goes. */
  @Test
  void aClaimWithoutOutcomeExpiresAndTheMessageGoesOutOnce() throws Exception {
    DatabaseUrl db = TestDatabase.freshDatabase();
    TestServer writer = start(db, false);
    var pool = writer.server().pool();
    Await.resultOf(pool.withTransaction(tx -> writer.server().features().outbox.enqueue(tx, hook(1))));
    // The "killed" relay: claims with a 1 s lease and never reports back.
    var claimed = Await.resultOf(new OutboxRepository().claimDue(pool, "relay-killed", 10, Duration.ofSeconds(1)));
    assertEquals(1, claimed.size());
    TestServer survivor = start(db, true);
    Await.until(() -> received.size() == 1, MINUTE);
    Await.until(() -> "sent".equals(survivor.get("/api/outbox?limit=1", As.DISPATCHER).json().getJsonArray("items")
        .getJsonObject(0).getString("status")), MINUTE);
    JsonObject row = survivor.get("/api/outbox?limit=1", As.DISPATCHER).json().getJsonArray("items").getJsonObject(0);
    assertEquals(2, row.getInteger("attempts"), "the dead relay's attempt, then the survivor's");
    assertEquals(1, received.values().iterator().next().get());
    // The dead relay coming back with a late outcome cannot overwrite the survivor's.
    assertEquals(0, Await.resultOf(new OutboxRepository().settle(pool,
        List.of(OutboxRepository.DeliveryOutcome.failed(row.getLong("id"), 1, "late")))));
  }

}
