package org.open12345.hotline.notify;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.db.GroupCommit;
import org.open12345.hotline.intake.IntakeTesting;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestServer;

/**
 * Messages added within a group-commit batch ({@link Outbox#add}) wait for the batch's end and go
 * in one statement: they are stored exactly when the batch commits, each dedupe key once, with one
 * wake-up of the relays; a batch whose rows cannot be written stores none of the bad unit's.
 */
class OutboxInGroupCommitTest {
  /** 10:00 in Beijing: outside the default quiet hours. */
  static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
  static TestServer server;
  static GroupCommit batches;
  static PgConnection listener;
  static final List<String> wakeUps = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    // No relay: the rows stay as written. At most one courtesy SMS per phone and hour.
    server = TestServer.start(Map.of("outbox.relay_enabled", "false",
        "messaging.citizenSms.maxPerPhonePerHour", "1"), Clock.fixed(NOW, ZoneOffset.UTC));
    batches = new GroupCommit(server.server().pool(), new GroupCommit.Settings(true, 32, Duration.ofMillis(50)));
    Vertx vertx = server.server().vertx();
    listener = Await.resultOf(PgConnection.connect(vertx, PgConnectOptions.fromUri(server.database().uri())));
    listener.notificationHandler(n -> {
      if (n.getChannel().equals("outbox")) {
        wakeUps.add(n.getPayload());
      }
    });
    Await.resultOf(listener.query("LISTEN outbox").execute());
  }

  @AfterAll
  static void stop() {
    Await.resultOf(listener.close());
    server.close();
  }

  /** Submits every unit in one event-loop task, so they meet in one batch; waits for all answers. */
  static <T> List<CompletableFuture<T>> together(List<Function<SqlConnection, Future<T>>> units) {
    List<CompletableFuture<T>> answers = new ArrayList<>();
    units.forEach(u -> answers.add(new CompletableFuture<>()));
    server.server().vertx().getOrCreateContext().runOnContext(v -> {
      for (int i = 0; i < units.size(); i++) {
        CompletableFuture<T> a = answers.get(i);
        batches.inTransaction(units.get(i)).onSuccess(a::complete).onFailure(a::completeExceptionally);
      }
    });
    CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).handle((x, e) -> null)
        .orTimeout(30, TimeUnit.SECONDS).join();
    return answers;
  }

  static NewMessage mail(String key, Long ticketId) {
    return new NewMessage("dispatch-notice", "mail", "dept@example.gov.cn", "派单", "工单 " + key, null, key,
        new JsonObject().put("role", "LEAD"), ticketId, false);
  }

  static Function<SqlConnection, Future<Void>> adding(NewMessage... messages) {
    return tx -> {
      List<Future<Void>> added = new ArrayList<>();
      for (NewMessage m : messages) {
        added.add(server.server().features().outbox.add(tx, m));
      }
      return Future.all(added).mapEmpty();
    };
  }

  static long rows(String keyPrefix) {
    return IntakeTesting.count(server, "SELECT count(*) FROM outbox WHERE dedupe_key LIKE ?", keyPrefix + "%");
  }

  /** Every wake-up sent before a marker has arrived once the marker has (one sender, commit order). */
  static List<String> wakeUpsSoFar() throws InterruptedException {
    String marker = "marker-" + System.nanoTime();
    Await.resultOf(server.server().pool().query("NOTIFY outbox, '" + marker + "'").execute());
    Await.until(() -> wakeUps.contains(marker), Duration.ofSeconds(5));
    List<String> before = new ArrayList<>(wakeUps.subList(0, wakeUps.indexOf(marker)));
    wakeUps.clear();
    return before;
  }

  @Test
  void aBatchsMessagesAreStoredAtItsOneCommitEachKeyOnceWithOneWakeUp() throws InterruptedException {
    wakeUpsSoFar();
    List<Function<SqlConnection, Future<Void>>> units = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      units.add(adding(mail("batch-a:" + i + ":lead", null), mail("batch-a:" + i + ":co", null)));
    }
    // The same notice twice (a retried request): one row.
    units.add(adding(mail("batch-a:0:lead", null)));
    together(units).forEach(CompletableFuture::join);

    assertEquals(8, rows("batch-a:"));
    assertEquals(1, IntakeTesting.count(server, "SELECT count(*) FROM outbox WHERE dedupe_key = 'batch-a:0:lead'"));
    assertEquals(1, IntakeTesting.count(server,
        "SELECT count(DISTINCT xmin::text) FROM outbox WHERE dedupe_key LIKE 'batch-a:%'"), "one transaction");
    assertEquals(List.of(""), wakeUpsSoFar(), "the relays are woken once");
  }

  @Test
  void aBatchWhoseRowsCannotBeWrittenStoresTheGoodUnitsOnlyAndWakesForThem() throws InterruptedException {
    wakeUpsSoFar();
    List<Function<SqlConnection, Future<Void>>> units = new ArrayList<>();
    units.add(adding(mail("batch-b:0", null)));
    // About a ticket that does not exist: the batch's one outbox statement fails at its end.
    units.add(adding(mail("batch-b:bad", 987_654_321L)));
    units.add(adding(mail("batch-b:2", null)));
    List<CompletableFuture<Void>> answers = together(units);

    answers.get(0).join();
    answers.get(2).join();
    Throwable refused = assertThrows(Exception.class, () -> answers.get(1).join()).getCause();
    assertEquals("23503", assertInstanceOf(PgException.class, refused).getSqlState(), refused.toString());
    assertEquals(0, rows("batch-b:bad"));
    assertEquals(2, rows("batch-b:"));
    assertFalse(wakeUpsSoFar().isEmpty(), "the stored ones wake the relays");
  }

  @Test
  void aCourtesySmsCountsTheOneHeldBackBeforeItInTheSameBatch() {
    String phone = "13912340001";
    NewMessage first = new NewMessage("follow-up-question", "sms", phone, null, "【12345】回访", null, "batch-c:1",
        new JsonObject(), null, true);
    NewMessage second = new NewMessage("follow-up-question", "sms", phone, null, "【12345】回访", null, "batch-c:2",
        new JsonObject(), null, true);
    Outbox outbox = server.server().features().outbox;
    together(List.<Function<SqlConnection, Future<Void>>>of(
        tx -> outbox.add(tx, first).compose(v -> outbox.add(tx, second)))).forEach(CompletableFuture::join);

    String times = IntakeTesting.text(server, "SELECT string_agg(extract(epoch FROM next_attempt_at)::bigint::text, ','"
        + " ORDER BY dedupe_key) FROM outbox WHERE dedupe_key LIKE 'batch-c:%'");
    String[] at = times.split(",");
    assertEquals(2, at.length, times);
    assertEquals(NOW.getEpochSecond(), Long.parseLong(at[0]));
    assertEquals(NOW.plus(Duration.ofHours(1)).getEpochSecond(), Long.parseLong(at[1]),
        "one SMS an hour: the second waits for the first's hour to pass");
  }
}
