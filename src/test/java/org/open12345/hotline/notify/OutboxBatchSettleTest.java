package org.open12345.hotline.notify;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.db.DatabaseUrl;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestDatabase;
import org.open12345.hotline.testing.TestServer;

/**
 * Issue 15, the drain at the configured rate: a relay round's outcomes are recorded in one
 * statement and one commit, not a commit per message, and keep the guarantees of the per-message
 * writes (stale outcomes ignored, an unrecorded round sent again after its lease).
 */
class OutboxBatchSettleTest {
  static final Duration MINUTE = Duration.ofSeconds(60);
  final OutboxRepository repository = new OutboxRepository();
  final List<TestServer> servers = new ArrayList<>();
  WebhookSink sink;

  @BeforeEach
  void startSink() throws Exception {
    sink = new WebhookSink();
  }

  @AfterEach
  void stop() throws Exception {
    servers.forEach(TestServer::close);
    sink.close();
  }

  TestServer start(DatabaseUrl db, boolean relay) {
    Map<String, String> config = new HashMap<>(sink.endpointConfig());
    config.put("outbox.relay_enabled", String.valueOf(relay));
    config.put("outbox.poll_interval", "0.2s");
    config.put("outbox.batch_size", "50");
    config.put("db.pool_size", "4");
    TestServer s = TestServer.start(db, config, Clock.systemUTC());
    servers.add(s);
    return s;
  }

  static NewMessage hook(int i) {
    return new NewMessage("ticket-event", "webhook", "sink", null, "event " + i, null, "hook:" + i,
        new JsonObject(), null, false);
  }

  static void enqueue(TestServer s, int count) {
    Await.resultOf(s.server().pool().withTransaction(tx -> {
      Future<Long> chain = Future.succeededFuture();
      for (int i = 0; i < count; i++) {
        NewMessage m = hook(i);
        chain = chain.compose(v -> s.server().features().outbox.enqueue(tx, m));
      }
      return chain;
    }));
  }

  static Row one(Pool pool, String sql) {
    return Await.resultOf(pool.query(sql).execute()).iterator().next();
  }

  /**
   * Fifty due messages, a batch of fifty: one claim, fifty sends side by side, one settling
   * commit. sent_at is the settling transaction's now(), so one commit shows as one instant; a
   * commit per message (the relay before) gives fifty.
   */
  @Test
  void aRoundOfFiftyMessagesIsRecordedInOneCommit() throws Exception {
    DatabaseUrl db = TestDatabase.freshDatabase();
    TestServer writer = start(db, false);
    enqueue(writer, 50);
    start(db, true);
    Pool pool = writer.server().pool();
    Await.until(() -> one(pool, "SELECT count(*) FROM outbox WHERE status = 'sent'").getLong(0) == 50, MINUTE);
    Row r = one(pool, "SELECT count(DISTINCT sent_at), count(DISTINCT claimed_by), max(attempts) FROM outbox");
    assertEquals(1, r.getLong(0), "one settling commit for the round");
    assertEquals(1, r.getLong(1), "one relay claimed");
    assertEquals(1, r.getInteger(2), "each at its first attempt");
    assertEquals(50, sink.requestsPerMessage.size());
    sink.requestsPerMessage.forEach((id, n) -> assertEquals(1, n, "message " + id + " sent " + n + " times"));
  }

  /** Sent, retry and failed outcomes in one statement; a stale one (an earlier attempt) writes nothing. */
  @Test
  void oneStatementRecordsEveryKindOfOutcomeAndIgnoresStaleOnes() {
    TestServer s = start(TestDatabase.freshDatabase(), false);
    enqueue(s, 4);
    Pool pool = s.server().pool();
    List<OutboxRow> claimed = Await.resultOf(repository.claimDue(pool, "relay-a", 10, MINUTE));
    assertEquals(4, claimed.size());
    claimed.sort((a, b) -> Long.compare(a.id(), b.id()));
    Instant later = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
    OutboxRow sent = claimed.get(0);
    OutboxRow retry = claimed.get(1);
    OutboxRow failed = claimed.get(2);
    OutboxRow stale = claimed.get(3);
    int written = Await.resultOf(repository.settle(pool, List.of(
        OutboxRepository.Settlement.failed(failed.id(), 1, "rejected"),
        OutboxRepository.Settlement.sent(sent.id(), 1, "p-1", "ok"),
        OutboxRepository.Settlement.retry(retry.id(), 1, later, "503"),
        OutboxRepository.Settlement.sent(stale.id(), 0, "p-0", "late"))));
    assertEquals(3, written);

    OutboxRow s0 = Await.resultOf(repository.find(pool, sent.id())).orElseThrow();
    assertEquals("sent", s0.status());
    assertEquals("p-1", s0.providerId());
    assertEquals("ok", s0.providerResponse());
    assertNotNull(s0.sentAt());
    assertNull(s0.lastError());
    OutboxRow r0 = Await.resultOf(repository.find(pool, retry.id())).orElseThrow();
    assertEquals("pending", r0.status());
    assertEquals(later, r0.nextAttemptAt());
    assertEquals("503", r0.lastError());
    assertNull(r0.sentAt());
    OutboxRow f0 = Await.resultOf(repository.find(pool, failed.id())).orElseThrow();
    assertEquals("failed", f0.status());
    assertEquals("rejected", f0.lastError());
    assertNull(f0.sentAt());
    OutboxRow st = Await.resultOf(repository.find(pool, stale.id())).orElseThrow();
    assertEquals("pending", st.status(), "an outcome for another attempt is not written");
    assertNull(st.providerId());
  }

  /**
   * A round whose settling transaction never commits (the relay dies, the database goes away)
   * leaves every message of the round pending under its claim: after the lease they are claimed
   * again, as a whole, and the dead relay's late outcomes can no longer be written.
   */
  @Test
  void aRoundNotRecordedIsClaimableAgainAfterItsLease() throws Exception {
    TestServer s = start(TestDatabase.freshDatabase(), false);
    enqueue(s, 5);
    Pool pool = s.server().pool();
    List<OutboxRow> claimed = Await.resultOf(repository.claimDue(pool, "relay-dead", 10, Duration.ofSeconds(1)));
    assertEquals(5, claimed.size());
    List<OutboxRepository.Settlement> outcomes = new ArrayList<>();
    claimed.forEach(r -> outcomes.add(OutboxRepository.Settlement.sent(r.id(), r.attempts(), "p", "ok")));
    Future<Integer> rolledBack = pool.withTransaction(tx -> repository.settle(tx, outcomes)
        .compose(n -> Future.failedFuture(new IllegalStateException("crash before commit after " + n))));
    assertThrows(RuntimeException.class, () -> Await.resultOf(rolledBack));
    assertEquals(5, one(pool, "SELECT count(*) FROM outbox WHERE status = 'pending'").getLong(0),
        "nothing of the round was recorded");
    assertTrue(Await.resultOf(repository.claimDue(pool, "relay-b", 10, MINUTE)).isEmpty(), "still under the lease");

    List<OutboxRow> again = new ArrayList<>();
    Await.until(() -> {
      again.addAll(Await.resultOf(repository.claimDue(pool, "relay-b", 10, MINUTE)));
      return !again.isEmpty();
    }, MINUTE);
    assertEquals(5, again.size(), "the whole round, once the lease ran out");
    again.forEach(r -> assertEquals(2, r.attempts()));
    assertEquals(0, Await.resultOf(repository.settle(pool, outcomes)), "the dead relay's outcomes come too late");
  }
}
