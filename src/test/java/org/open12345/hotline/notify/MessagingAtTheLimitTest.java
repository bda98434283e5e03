package org.open12345.hotline.notify;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.db.DatabaseUrl;
import org.open12345.hotline.notify.policy.SendRate;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestDatabase;
import org.open12345.hotline.testing.TestServer;

/**
 * Issue 15, "messaging at the limit": quiet hours per kind, at-once messages before bulk ones,
 * and one send rate per channel shared by every relay on the database.
 */
class MessagingAtTheLimitTest {
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

  Map<String, String> config(boolean relay) {
    Map<String, String> o = sink.endpointConfig();
    o.put("outbox.relay_enabled", String.valueOf(relay));
    o.put("outbox.poll_interval", "0.2s");
    o.put("db.pool_size", "4");
    return o;
  }

  TestServer start(DatabaseUrl db, Map<String, String> config, Clock clock) {
    TestServer s = TestServer.start(db, config, clock);
    servers.add(s);
    return s;
  }

  static Long enqueueAll(TestServer s, List<NewMessage> messages) {
    return Await.resultOf(s.server().pool().withTransaction(tx -> {
      Future<Long> chain = Future.succeededFuture();
      for (NewMessage m : messages) {
        chain = chain.compose(v -> s.server().features().outbox.enqueue(tx, m));
      }
      return chain;
    }));
  }

  static NewMessage sms(String kind, String phone, String key) {
    return new NewMessage(kind, "sms", phone, null, "【12345】" + kind, null, key, new JsonObject(), null, true);
  }

  static NewMessage hook(int i) {
    return new NewMessage("ticket-event", "webhook", "sink", null, "event " + i, null, "hook:" + i,
        new JsonObject(), null, false);
  }

  static JsonObject row(TestServer s, String dedupeKey) {
    for (Object o : s.get("/api/outbox?limit=500", As.DISPATCHER).json().getJsonArray("items")) {
      if (dedupeKey.equals(((JsonObject) o).getString("dedupe_key"))) {
        return (JsonObject) o;
      }
    }
    throw new AssertionError("no outbox row " + dedupeKey);
  }

  /**
   * 07:20 in the centre's zone, with the relay running: the acknowledgement goes out, the rating
   * prompt, follow-up question and notice wait until 08:00. The zone is a fixed offset chosen so
   * that the injected clock (the real time, fixed) reads 07:20: the relay, which decides what is
   * due by the database clock, then really sends the one and really holds the others.
   */
  @Test
  void at0720TheAcknowledgementGoesAndTheRatingPromptWaitsUntil0800() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    int utcSeconds = now.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay();
    int offset = LocalTime.of(7, 20).toSecondOfDay() - utcSeconds;
    offset = offset > 12 * 3600 ? offset - 24 * 3600 : offset <= -12 * 3600 ? offset + 24 * 3600 : offset;
    ZoneOffset zone = ZoneOffset.ofTotalSeconds(offset);
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    assertEquals(LocalTime.of(7, 20), now.atOffset(zone).toLocalTime(), "the injected clock reads 07:20");

    Map<String, String> cfg = config(true);
    cfg.put("messaging.citizenSms.quietHours.zone", zone.getId());
    TestServer s = start(TestDatabase.freshDatabase(), cfg, clock);
    enqueueAll(s, List.of(sms("rating-prompt", "13800138000", "prompt"),
        sms("follow-up-question", "13800138001", "follow-up"),
        sms("deadline-extended", "13800138002", "notice"),
        sms("ticket-ack", "13800138000", "ack")));

    Await.until(() -> "sent".equals(row(s, "ack").getString("status")), MINUTE);
    Instant eight = now.plus(Duration.ofMinutes(40));
    for (String held : List.of("prompt", "follow-up", "notice")) {
      JsonObject r = row(s, held);
      assertEquals("pending", r.getString("status"), held + " is held");
      assertEquals(0, r.getInteger("attempts"), held + " was never claimed");
      assertEquals(eight, Instant.parse(r.getString("next_attempt_at")), held + " waits until 08:00");
    }
    assertEquals(1, row(s, "ack").getInteger("attempts"), "the acknowledgement went at the first attempt");
  }

  /** The kinds quiet hours do not hold are configuration: an empty list holds the acknowledgement too. */
  @Test
  void theAtOnceKindsAreConfigured() {
    java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
    Clock at0720 = Clock.fixed(java.time.LocalDateTime.parse("2026-11-27T07:20").atZone(shanghai).toInstant(),
        ZoneOffset.UTC);
    Instant eight = java.time.LocalDateTime.parse("2026-11-27T08:00").atZone(shanghai).toInstant();
    Map<String, String> cfg = config(false);
    cfg.put("messaging.citizenSms.quietHours.atOnceKinds", "rating-prompt");
    TestServer s = start(TestDatabase.freshDatabase(), cfg, at0720);
    enqueueAll(s, List.of(sms("rating-prompt", "13800138000", "prompt"), sms("ticket-ack", "13800138001", "ack")));
    assertEquals(at0720.instant(), Instant.parse(row(s, "prompt").getString("next_attempt_at")));
    assertEquals(eight, Instant.parse(row(s, "ack").getString("next_attempt_at")));
  }

  /**
   * Two hundred due rating prompts written before one acknowledgement: the first claim takes the
   * acknowledgement, also when the channel's send rate lets only a few through.
   */
  @Test
  void anAcknowledgementIsClaimedBeforeABacklogOfPrompts() {
    Map<String, String> cfg = config(false);
    cfg.put("messaging.citizenSms.quietHours.start", "00:00");
    cfg.put("messaging.citizenSms.quietHours.end", "00:00");
    cfg.put("messaging.citizenSms.maxPerPhonePerHour", "0");
    TestServer s = start(TestDatabase.freshDatabase(), cfg, Clock.systemUTC());
    List<NewMessage> prompts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      prompts.add(sms("rating-prompt", "1380013" + String.format("%04d", i), "prompt:" + i));
    }
    enqueueAll(s, prompts);
    enqueueAll(s, List.of(sms("ticket-ack", "13900000000", "ack"),
        new NewMessage("escalation-remind", "sms", "13900000001", null, "催办", null, "staff", new JsonObject(), null,
            false)));
    Pool pool = s.server().pool();

    var limited = SendRates.of(Map.of("sms", new SendRate("sms:log", 3)));
    List<OutboxRow> first = Await.resultOf(
        repository.claimRound(pool, "relay-a", 50, MINUTE, limited, null)).rows();
    assertEquals(Set.of("ack", "staff", "prompt:0"), keys(first),
        "the bucket holds three: the acknowledgement and the staff alert before the older prompts, then the oldest");

    List<OutboxRow> next = Await.resultOf(
        repository.claimRound(pool, "relay-b", 10, MINUTE, SendRates.none(), null)).rows();
    Set<String> expected = new HashSet<>();
    for (int i = 1; i <= 10; i++) {
      expected.add("prompt:" + i);
    }
    assertEquals(expected, keys(next), "prompts in the order they were written");
  }

  static Set<String> keys(List<OutboxRow> rows) {
    Set<String> keys = new HashSet<>();
    rows.forEach(r -> keys.add(r.dedupeKey()));
    return keys;
  }

  /**
   * Two relays on two pools share one bucket. The bucket's clock is injected, so the figures are
   * exact: 20/s with a 20-message burst gives 20 at once, then 10 after half a second, and so on,
   * however the claims of the two relays interleave.
   */
  @Test
  void twoRelaysShareOneSendRateByTheInjectedBucketClock() {
    DatabaseUrl db = TestDatabase.freshDatabase();
    TestServer a = start(db, config(false), Clock.systemUTC());
    TestServer b = start(db, config(false), Clock.systemUTC());
    List<NewMessage> hooks = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      hooks.add(hook(i));
    }
    enqueueAll(a, hooks);
    SendRates rates = SendRates.of(Map.of("webhook", new SendRate("webhook", 20)));
    Instant t0 = Instant.parse("2030-01-01T00:00:00Z");
    Set<Long> claimed = new HashSet<>();

    var round = claim(a, rates, t0, claimed);
    assertEquals(20, round.rows().size(), "a full bucket: one second's worth");
    assertTrue(round.throttledFor().isPresent(), "more are due than the bucket held");
    round = claim(b, rates, t0, claimed);
    assertEquals(0, round.rows().size(), "the other instance finds the bucket empty");
    assertEquals(Duration.ofSeconds(1), round.throttledFor().orElseThrow(), "…and waits for a batch's worth");
    assertEquals(10, claim(b, rates, t0.plusMillis(500), claimed).rows().size());
    assertEquals(5, claim(a, rates, t0.plusMillis(750), claimed).rows().size());
    assertEquals(0, claim(b, rates, t0.plusMillis(750), claimed).rows().size());
    assertEquals(20, claim(a, rates, t0.plusSeconds(10), claimed).rows().size(), "idle time refills to a full bucket only");
    assertEquals(55, claimed.size(), "no row claimed twice");
  }

  OutboxRepository.ClaimRound claim(TestServer s, SendRates rates, Instant at, Set<Long> claimed) {
    var round = Await.resultOf(repository.claimRound(s.server().pool(), "relay-" + s.hashCode(), 50, MINUTE, rates, at));
    round.rows().forEach(r -> assertTrue(claimed.add(r.id()), "claimed twice: " + r.id()));
    return round;
  }

  /**
   * The same with two running relays (two server instances) and the database clock: 120 messages
   * at 20/s reach the receiver over about 5 s, not 2.5 s as two relays with a limit each would
   * send them, and no two seconds hold more than a burst plus two seconds' worth (with half a
   * second of slack for the time between a claim and the receiver's clock).
   */
  @Test
  void twoRunningRelaysStayUnderTheSharedRate() throws Exception {
    DatabaseUrl db = TestDatabase.freshDatabase();
    Map<String, String> cfg = config(true);
    cfg.put("messaging.webhook.max_per_second", "20");
    TestServer a = start(db, cfg, Clock.systemUTC());
    start(db, cfg, Clock.systemUTC());
    List<NewMessage> hooks = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      hooks.add(hook(i));
    }
    enqueueAll(a, hooks);
    Await.until(() -> sink.requestsPerMessage.size() == 120, MINUTE);
    List<Long> t = new ArrayList<>(sink.arrivalNanos);
    t.sort(null);
    double seconds = (t.get(t.size() - 1) - t.get(0)) / 1e9;
    assertTrue(seconds >= 4.0, "120 messages at 20/s after a burst of 20 take ~5 s, took " + seconds);
    for (int i = 0; i < t.size(); i++) {
      int j = i;
      while (j < t.size() && t.get(j) - t.get(i) < 2_000_000_000L) {
        j++;
      }
      assertTrue(j - i <= 20 + 20 * 2.5, (j - i) + " messages within two seconds from #" + i);
    }
    sink.requestsPerMessage.forEach((id, n) -> assertEquals(1, n, "message " + id + " sent " + n + " times"));
  }

  /** A rate-limited channel keeps the retry rules: backoff between attempts, dead after maxAttempts. */
  @Test
  void backoffIsUnchangedOnARateLimitedChannel() throws Exception {
    sink.status = 503;
    Map<String, String> cfg = config(true);
    cfg.put("messaging.webhook.max_per_second", "5");
    cfg.put("messaging.retry.baseSeconds", "1");
    cfg.put("messaging.retry.capSeconds", "1");
    cfg.put("messaging.retry.maxAttempts", "3");
    TestServer s = start(TestDatabase.freshDatabase(), cfg, Clock.systemUTC());
    enqueueAll(s, List.of(hook(1)));
    Await.until(() -> "failed".equals(row(s, "hook:1").getString("status")), MINUTE);
    JsonObject r = row(s, "hook:1");
    assertEquals(3, r.getInteger("attempts"));
    assertTrue(r.getString("last_error").startsWith("gave up after 3 attempts"), r.getString("last_error"));
    assertEquals(3, sink.requestsPerMessage.values().iterator().next(), "three attempts reached the provider");
  }

  static List<NewMessage> hooks(int count) {
    List<NewMessage> hooks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      hooks.add(hook(i));
    }
    return hooks;
  }

  static Row one(Pool pool, String sql) {
    return Await.resultOf(pool.query(sql).execute()).iterator().next();
  }

  /**
   * The drain at the configured rate: fifty due messages, a batch of fifty (the default): one
   * claim, fifty sends side by side, one settling commit. sent_at is the settling transaction's
   * now(), so one commit shows as one instant; a commit per message (the relay before) gives fifty.
   */
  @Test
  void aRoundOfFiftyMessagesIsRecordedInOneCommit() throws Exception {
    DatabaseUrl db = TestDatabase.freshDatabase();
    TestServer writer = start(db, config(false), Clock.systemUTC());
    enqueueAll(writer, hooks(50));
    start(db, config(true), Clock.systemUTC());
    Pool pool = writer.server().pool();
    Await.until(() -> one(pool, "SELECT count(*) FROM outbox WHERE status = 'sent'").getLong(0) == 50, MINUTE);
    Row r = one(pool,
        "SELECT count(DISTINCT sent_at), count(DISTINCT claimed_by), max(attempts) FROM outbox");
    assertEquals(1, r.getLong(0), "one settling commit for the round");
    assertEquals(1, r.getLong(1), "one relay claimed");
    assertEquals(1, r.getInteger(2), "each at its first attempt");
    assertEquals(50, sink.requestsPerMessage.size());
    sink.requestsPerMessage.forEach((id, n) -> assertEquals(1, n, "message " + id + " sent " + n + " times"));
  }

  /** Sent, retry and failed outcomes in one statement; a stale one (an earlier attempt) writes nothing. */
  @Test
  void oneStatementRecordsEveryKindOfOutcomeAndIgnoresStaleOnes() {
    TestServer s = start(TestDatabase.freshDatabase(), config(false), Clock.systemUTC());
    enqueueAll(s, hooks(4));
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
        OutboxRepository.DeliveryOutcome.failed(failed.id(), 1, "rejected"),
        OutboxRepository.DeliveryOutcome.sent(sent.id(), 1, "p-1", "ok"),
        OutboxRepository.DeliveryOutcome.retry(retry.id(), 1, later, "503"),
        OutboxRepository.DeliveryOutcome.sent(stale.id(), 0, "p-0", "late"))));
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
    TestServer s = start(TestDatabase.freshDatabase(), config(false), Clock.systemUTC());
    enqueueAll(s, hooks(5));
    Pool pool = s.server().pool();
    List<OutboxRow> claimed = Await.resultOf(repository.claimDue(pool, "relay-dead", 10, Duration.ofSeconds(1)));
    assertEquals(5, claimed.size());
    List<OutboxRepository.DeliveryOutcome> outcomes = new ArrayList<>();
    claimed.forEach(r -> outcomes.add(OutboxRepository.DeliveryOutcome.sent(r.id(), r.attempts(), "p", "ok")));
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
