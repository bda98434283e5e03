package org.open12345.hotline.notify;

import static org.junit.jupiter.api.Assertions.*;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.FreePort;
import org.open12345.hotline.testing.TestServer;

/** The outbox against a real SMTP server (GreenMail) and a real relay over PostgreSQL. */
class OutboxDeliveryTest {
  final int smtpPort = FreePort.find();
  GreenMail smtp;
  TestServer server;
  /**
   * Holds the SMTP port while "the mail server is down" and hangs up on every connection. Left
   * unbound instead, a port of the ephemeral range can be taken by a loopback connection to
   * itself (a TCP self-connect), and the mail client then waits ~40 s for a greeting.
   */
  java.net.ServerSocket down;
  /** Connections the "down" mail server hung up on: the relay's attempts while it was down. */
  final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
  /** Connections a silent mail server took and holds open without a word, until the test ends. */
  final java.util.List<java.net.Socket> silent = new java.util.concurrent.CopyOnWriteArrayList<>();

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
    if (down != null) {
      down.close();
    }
    for (java.net.Socket held : silent) {
      held.close();
    }
  }

  void smtpDown() throws Exception {
    holdSmtpPort("smtp-down", connection -> {
      connection.close();
      refused.incrementAndGet();
    });
  }

  /**
   * A mail server that takes every connection and never says a word: what the mail client also
   * sees when it missed a hang-up. The connections stay open after the port is handed to GreenMail.
   */
  void smtpSilent() throws Exception {
    holdSmtpPort("smtp-silent", silent::add);
  }

  interface ConnectionTaker {
    void take(java.net.Socket connection) throws java.io.IOException;
  }

  /** Listens on the SMTP port until {@link #startSmtp} takes it, handing each connection over. */
  void holdSmtpPort(String name, ConnectionTaker taker) throws Exception {
    down = new java.net.ServerSocket(smtpPort, 50, java.net.InetAddress.getByName("127.0.0.1"));
    java.net.ServerSocket listening = down;
    Thread accepting = new Thread(() -> {
      while (!listening.isClosed()) {
        try {
          taker.take(listening.accept());
        } catch (java.io.IOException closedOrRefused) {
          // the port is being handed to GreenMail (or the test ended)
        }
      }
    }, name);
    accepting.setDaemon(true);
    accepting.start();
  }

  Map<String, String> mailConfig() {
    Map<String, String> o = new HashMap<>();
    o.put("messaging.mail.host", "127.0.0.1");
    o.put("messaging.mail.port", String.valueOf(smtpPort));
    o.put("messaging.mail.starttls", "disabled");
    o.put("messaging.mail.from", "12345热线 <noreply@12345.test>");
    o.put("messaging.retry.baseSeconds", "1");
    o.put("messaging.retry.capSeconds", "1");
    o.put("messaging.mail.sendTimeoutMs", "2000");
    o.put("outbox.poll_interval", "0.2s");
    return o;
  }

  void startSmtp() throws Exception {
    if (down != null) {
      down.close();
      down = null;
    }
    // The hung-up connections of the "down" server can hold the port for a moment after it closed
    // (the bind then fails with "Address already in use"): try again until the port is free.
    Await.until(() -> {
      GreenMail candidate = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      try {
        candidate.start();
        smtp = candidate;
        return true;
      } catch (IllegalStateException portStillHeld) {
        candidate.stop();
        return false;
      }
    }, Duration.ofSeconds(20));
  }

  static NewMessage mail(String key, String subject) {
    return new NewMessage("supervision", "mail", "dept@hhht.gov.cn", subject, "工单 20261127000001 已超时 2 小时",
        "<p>工单已超时</p>", key, new JsonObject(), null, false);
  }

  Long enqueue(NewMessage m) {
    return Await.resultOf(server.server().pool().withTransaction(tx -> server.server().features().outbox.enqueue(tx, m)));
  }

  JsonObject row(String key) {
    var items = server.get("/api/outbox?channel=mail&limit=500", As.DISPATCHER).json().getJsonArray("items");
    for (int i = 0; i < items.size(); i++) {
      if (items.getJsonObject(i).getString("dedupe_key").equals(key)) {
        return items.getJsonObject(i);
      }
    }
    return null;
  }

  /** Waits until the messages {@code prefix}0 … {@code prefix}(n-1) are all sent. */
  void awaitSent(String prefix, int n) throws InterruptedException {
    awaitEach(prefix, n, r -> "sent".equals(r.getString("status")));
  }

  /** Waits until the rows of the messages {@code prefix}0 … {@code prefix}(n-1) each meet {@code state}. */
  void awaitEach(String prefix, int n, java.util.function.Predicate<JsonObject> state) throws InterruptedException {
    for (int i = 0; i < n; i++) {
      String key = prefix + i;
      Await.until(() -> state.test(row(key)));
    }
  }

  @Test
  void aCommittedMessageArrivesOnceWithItsChineseSubject() throws Exception {
    startSmtp();
    server = TestServer.start(mailConfig(), Clock.systemUTC());
    enqueue(mail("sup:1", "【督办】工单 20261127000001 已超时"));
    assertTrue(smtp.waitForIncomingEmail(15_000, 1));
    Await.until(() -> "sent".equals(row("sup:1").getString("status")));
    MimeMessage[] got = smtp.getReceivedMessages();
    assertEquals(1, got.length);
    assertEquals("【督办】工单 20261127000001 已超时", got[0].getSubject());
    assertTrue(got[0].getMessageID().contains("@12345.test"), got[0].getMessageID());
    assertEquals(1, row("sup:1").getInteger("attempts"));
  }

  /** With the poll an hour away, only the NOTIFY sent at commit can get the mail out in time. */
  @Test
  void aFreshMessageWakesTheRelayWithoutWaitingForThePoll() throws Exception {
    startSmtp();
    Map<String, String> cfg = mailConfig();
    cfg.put("outbox.poll_interval", "1h");
    server = TestServer.start(cfg, Clock.systemUTC());
    // The relay drains once at start; write after that so only a wake-up can deliver the message.
    Await.until(() -> server.get("/ready").status() == 200);
    enqueue(mail("wake:1", "即时送达"));
    assertTrue(smtp.waitForIncomingEmail(20_000, 1), "delivered long before the hourly poll");
  }

  @Test
  void aRolledBackMessageNeverArrivesAndADuplicateKeyArrivesOnce() throws Exception {
    startSmtp();
    server = TestServer.start(mailConfig(), Clock.systemUTC());
    var pool = server.server().pool();
    var outbox = server.server().features().outbox;
    Future<Long> rolledBack = pool.withTransaction(tx -> outbox.enqueue(tx, mail("lost:1", "不应发出"))
        .compose(id -> Future.failedFuture(new IllegalStateException("the ticket change failed"))));
    assertThrows(Exception.class, () -> Await.resultOf(rolledBack));
    assertNotNull(enqueue(mail("dup:1", "同一封")));
    assertNull(enqueue(mail("dup:1", "同一封")), "the second enqueue with the key is a no-op");
    // A marker written last: once it arrived, anything written before it had its chance.
    enqueue(mail("marker:1", "标记"));
    Await.until(() -> row("marker:1") != null && "sent".equals(row("marker:1").getString("status")));
    Await.until(() -> "sent".equals(row("dup:1").getString("status")));
    MimeMessage[] got = smtp.getReceivedMessages();
    assertEquals(2, got.length, "the duplicate key made one mail, the rolled-back one none");
    for (MimeMessage m : got) {
      assertNotEquals("不应发出", m.getSubject());
    }
    assertNull(row("lost:1"));
  }

  @Test
  void smtpDownThenUpDeliversOnceAfterRetries() throws Exception {
    smtpDown();
    server = TestServer.start(mailConfig(), Clock.systemUTC());
    enqueue(mail("down:1", "稍后送达"));
    Await.until(() -> {
      JsonObject r = row("down:1");
      return r != null && r.getInteger("attempts") >= 2 && r.getString("last_error") != null;
    });
    assertEquals("pending", row("down:1").getString("status"));
    startSmtp();
    assertTrue(smtp.waitForIncomingEmail(20_000, 1));
    Await.until(() -> "sent".equals(row("down:1").getString("status")));
    assertEquals(1, smtp.getReceivedMessages().length);
  }

  /**
   * Many mails written while the mail server is down: the relay tries each again with growing,
   * jittered delays (no storm of connections), and once the server is back every mail arrives
   * exactly once (distinct Message-IDs, one per outbox row).
   */
  @Test
  void manyMailsWrittenWhileSmtpIsDownArriveOnceEachWithoutARetryStorm() throws Exception {
    Map<String, String> cfg = mailConfig();
    cfg.put("messaging.retry.baseSeconds", "1");
    cfg.put("messaging.retry.capSeconds", "4");
    smtpDown();
    server = TestServer.start(cfg, Clock.systemUTC());
    int mails = 30;
    for (int i = 0; i < mails; i++) {
      enqueue(mail("storm:" + i, "停机期间 " + i));
    }
    long downSince = System.nanoTime();
    Await.until(() -> refused.get() >= 2 * mails);
    // Let the outage last ~6 s in all: enough for several backoff rounds.
    Await.until(() -> System.nanoTime() - downSince > 6_000_000_000L, Duration.ofSeconds(20));
    int attemptsWhileDown = refused.get();
    double downSeconds = (System.nanoTime() - downSince) / 1e9;
    // Backoff 1 s doubling to 4 s with full jitter: on average ~ 1 + log2 + (rest / 2 s) attempts per
    // mail, so 6 s allow ~5; an attempt per poll (0.2 s) per mail would be 30.
    assertTrue(attemptsWhileDown <= mails * 8,
        attemptsWhileDown + " connections for " + mails + " mails in " + downSeconds + " s: a retry storm");
    startSmtp();
    assertTrue(smtp.waitForIncomingEmail(30_000, mails));
    awaitSent("storm:", mails);
    MimeMessage[] got = smtp.getReceivedMessages();
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (MimeMessage m : got) {
      ids.add(m.getMessageID());
    }
    assertEquals(mails, got.length, "each mail once");
    assertEquals(mails, ids.size(), "distinct Message-IDs");
  }

  /**
   * Sends that get no answer end at the send timeout, and mails go once a working server is back,
   * although the silent server still holds more connections than the mail client's pool has
   * slots (10): the relay's rounds do not wait forever, and the channel does not stay wedged.
   */
  @Test
  void aMailServerThatNeverAnswersHoldsNeitherTheRelayNorTheChannel() throws Exception {
    Map<String, String> cfg = mailConfig();
    cfg.put("messaging.mail.sendTimeoutMs", "1000");
    smtpSilent();
    server = TestServer.start(cfg, Clock.systemUTC());
    int mails = 12;
    for (int i = 0; i < mails; i++) {
      enqueue(mail("silent:" + i, "无应答 " + i));
    }
    awaitEach("silent:", mails, r -> r.getString("last_error") != null
        && r.getString("last_error").startsWith("no answer from the SMTP server"));
    assertTrue(silent.size() >= 10, silent.size() + " silent connections");
    startSmtp();
    assertTrue(smtp.waitForIncomingEmail(30_000, mails));
    awaitSent("silent:", mails);
  }

  @Test
  void aFailedMessageIsADeadLetterThatAnOperatorCanResend() throws Exception {
    Map<String, String> cfg = mailConfig();
    cfg.put("messaging.retry.maxAttempts", "2");
    smtpDown();
    server = TestServer.start(cfg, Clock.systemUTC());
    enqueue(mail("dead:1", "死信"));
    Await.until(() -> "failed".equals(row("dead:1").getString("status")));
    var failed = server.get("/api/outbox?status=failed", As.DISPATCHER).json().getJsonArray("items");
    assertEquals(1, failed.size());
    assertTrue(failed.getJsonObject(0).getString("last_error").contains("gave up after 2 attempts"));
    long id = failed.getJsonObject(0).getLong("id");
    startSmtp();
    var resent = server.post("/api/outbox/" + id + "/retry", "", As.DISPATCHER);
    assertEquals(200, resent.status(), resent.body());
    assertTrue(smtp.waitForIncomingEmail(15_000, 1));
    Await.until(() -> "sent".equals(row("dead:1").getString("status")));
    assertEquals(409, server.post("/api/outbox/" + id + "/retry", "", As.DISPATCHER).status(),
        "only failed ones are resent");
    assertEquals(400, server.post("/api/outbox/abc/retry", "", As.DISPATCHER).status());
    assertEquals(404, server.post("/api/outbox/999999/retry", "", As.DISPATCHER).status());
  }

  /** Courtesy SMS written at night wait for the morning and are spread under the hourly cap. */
  @Test
  void citizenSmsWrittenAtNightAreScheduledForTheMorningUnderTheCap() {
    java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
    Clock night = Clock.fixed(java.time.LocalDateTime.parse("2026-11-27T23:30").atZone(shanghai).toInstant(),
        java.time.ZoneOffset.UTC);
    Map<String, String> cfg = mailConfig();
    cfg.put("outbox.relay_enabled", "false");
    cfg.put("messaging.citizenSms.maxPerPhonePerHour", "2");
    server = TestServer.start(cfg, night);
    for (int i = 0; i < 3; i++) {
      enqueue(new NewMessage("rating-prompt", "sms", "13800138000", null, "【12345】请评价" + i, null, "ack:" + i,
          new JsonObject(), null, true));
    }
    // The answer to the citizen's own contact is not held, and the held prompts leave it room.
    enqueue(new NewMessage("ticket-ack", "sms", "13800138000", null, "【12345】您的诉求已受理", null, "ack-now",
        new JsonObject(), null, true));
    enqueue(new NewMessage("alert", "sms", "13900000000", null, "值班提醒", null, "staff:1", new JsonObject(), null,
        false));
    var items = server.get("/api/outbox?channel=sms", As.DISPATCHER).json().getJsonArray("items");
    Map<String, java.time.Instant> at = new HashMap<>();
    items.forEach(o -> at.put(((JsonObject) o).getString("dedupe_key"),
        java.time.Instant.parse(((JsonObject) o).getString("next_attempt_at"))));
    java.time.Instant morning = java.time.LocalDateTime.parse("2026-11-28T08:00").atZone(shanghai).toInstant();
    assertEquals(night.instant(), at.get("staff:1"), "staff alerts ignore quiet hours");
    assertEquals(night.instant(), at.get("ack-now"), "an acknowledgement goes at once, at any hour");
    assertEquals(morning, at.get("ack:0"));
    assertEquals(morning, at.get("ack:1"));
    assertEquals(morning.plus(Duration.ofHours(1)), at.get("ack:2"), "the third waits for the cap's hour");
  }


}
