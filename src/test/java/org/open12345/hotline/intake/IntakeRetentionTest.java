package org.open12345.hotline.intake;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.intake.IntakeTesting.*;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.deadline.ManualClock;
import org.open12345.hotline.db.ExpiredRows;
import org.open12345.hotline.intake.idempotency.SubmissionKeyRepository;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * Idempotency keys are kept {@code intake.keys.keep} (a week by default, here too), then deleted:
 * until then a copy gets its first ticket; after, the same key makes a new one, as no key would.
 * Rejected payloads are kept {@code intake.rejects.keep} (30 days), then deleted.
 */
class IntakeRetentionTest {
  static final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T02:00:00Z"));
  static TestServer server;

  @BeforeAll
  static void start() {
    Map<String, String> c = new HashMap<>(IntakeTesting.config());
    c.put("intake.keys.prune_every", "1s");
    c.put("intake.web.submissions_per_ip_per_hour", "0");
    server = TestServer.start(c, clock);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Response submit(JsonObject complaint, String key) {
    Response r = server.postJson("/api/complaints", complaint, "Idempotency-Key", key);
    assertEquals(201, r.status(), r.body());
    return r;
  }

  static long keysOf(String number) {
    return count(server, "SELECT count(*) FROM web_submission_keys WHERE ticket_number = ?", number);
  }

  static ExpiredRows pruner() {
    return server.server().features().intake.expiredKeys();
  }

  @Test
  void aKeyAnswersItsTicketForAWeekThenMakesANewOne() throws Exception {
    String key = UUID.randomUUID().toString();
    JsonObject complaint = complaint("13600000301", "小区垃圾站一周没有清运，气味很大");
    String number = submit(complaint, key).json().getString("number");

    clock.advance(Duration.ofHours(168).minusMinutes(1));
    Await.result(pruner().prune());
    Response copy = submit(complaint, key);
    assertEquals("true", copy.header("Idempotent-Replayed"), "a week less a minute: still the first ticket");
    assertEquals(number, copy.json().getString("number"));
    assertEquals(1, keysOf(number));

    clock.advance(Duration.ofMinutes(2));
    Await.result(pruner().prune());
    assertEquals(0, keysOf(number), "past the week the key is deleted");
    Response later = submit(complaint, key);
    assertNull(later.header("Idempotent-Replayed"));
    String second = later.json().getString("number");
    assertNotEquals(number, second, "the key sent again after its week is a new complaint");
    assertEquals(1, keysOf(second), "and claims the key afresh");
  }

  /** The server prunes every {@code intake.keys.prune_every} (1 s here) without being asked. */
  @Test
  void theServerDeletesExpiredKeysOnItsOwn() throws Exception {
    String number = submit(complaint("13600000302", "路口红绿灯时间太短，老人过不去"), UUID.randomUUID().toString())
        .json().getString("number");
    assertEquals(1, keysOf(number));
    clock.advance(Duration.ofHours(169));
    Await.until(() -> keysOf(number) == 0);
  }

  /** A prune deletes chunk after chunk until none is left, not one chunk per period. */
  @Test
  void aPruneGoesOnUntilNoExpiredKeyIsLeft() throws Exception {
    List<String> numbers = List.of("13600000303", "13600000304", "13600000305").stream()
        .map(phone -> submit(complaint(phone, "楼道声控灯坏了很久没人修"), UUID.randomUUID().toString())
            .json().getString("number"))
        .toList();
    clock.advance(Duration.ofSeconds(1));
    ExpiredRows byTwos = new ExpiredRows("keys", server.server().vertx(), server.server().pool(),
        new SubmissionKeyRepository()::deleteClaimedBefore, clock,
        new ExpiredRows.Retention(Duration.ofMillis(1), Duration.ofHours(1)), 2);
    assertTrue(Await.result(byTwos.prune()) >= 3);
    numbers.forEach(n -> assertEquals(0, keysOf(n), n));
  }

  /** A payload the server could not read is kept 30 days for diagnosis, then deleted. */
  @Test
  void aRejectedPayloadIsDeletedAfterThirtyDays() throws Exception {
    String marker = "reject-" + UUID.randomUUID();
    Response r = server.post("/webhooks/sms/tencent",
        "{\"mobile\":\"13600000306\",\"text\":\"" + marker + "\",\"time\":\"soon\"}",
        WebhookGuards.HEADER, TENCENT_SECRET);
    assertEquals(400, r.status(), r.body());
    String rejected = "SELECT count(*) FROM inbound_rejects WHERE raw LIKE '%' || ? || '%'";
    assertEquals(1, count(server, rejected, marker));

    clock.advance(Duration.ofHours(720).minusMinutes(1));
    Await.result(server.server().features().intake.expiredRejects().prune());
    assertEquals(1, count(server, rejected, marker), "kept for 30 days less a minute");
    clock.advance(Duration.ofMinutes(2));
    Await.result(server.server().features().intake.expiredRejects().prune());
    assertEquals(0, count(server, rejected, marker), "deleted past 30 days");
  }
}
