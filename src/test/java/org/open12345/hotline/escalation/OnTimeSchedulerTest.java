package org.open12345.hotline.escalation;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.deadline.DeadlineKind;
import org.open12345.hotline.deadline.ManualClock;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestServer;

/**
 * The scheduler fires a step at its due time rather than at the next poll (issue 15, point 4), on
 * simulated time: an injected clock and hand-driven timers, no sleeping. The poll interval is the
 * shipped 1 s; every step here falls due well before the poll would look again.
 */
class OnTimeSchedulerTest {
  // Mon 2026-03-02 10:00 in Beijing.
  static final Instant MONDAY_10 = Instant.parse("2026-03-02T02:00:00Z");
  final ManualClock clock = new ManualClock(MONDAY_10);
  final List<EscalationScheduler> schedulers = new ArrayList<>();
  TestServer server;

  void startServer() {
    // The server's own scheduler is off (it decides by the database clock, months after MONDAY_10).
    server = TestServer.start(Map.of("escalation.scheduler_enabled", "false", "outbox.relay_enabled", "false",
        "escalation.robot_channel", "", "escalation.poll_interval", "1s"), clock);
  }

  @AfterEach
  void stop() throws Exception {
    for (EscalationScheduler s : schedulers) {
      Await.result(s.stop());
    }
    if (server != null) {
      server.close();
    }
  }

  EscalationScheduler scheduler(ManualTimers timers) throws Exception {
    EscalationScheduler s = server.server().features().escalation.scheduler(clock, timers);
    schedulers.add(s);
    Await.result(s.start());
    return s;
  }

  @Test
  void aStepDueBeforeTheNextPollFiresAtItsDueTime() throws Exception {
    startServer();
    String number = dispatchedTicket("hhht.housing");
    String key = rows("SELECT key FROM escalation_steps WHERE status = 'planned' ORDER BY due_at LIMIT 1").get(0);
    Instant due = dueAt(key);
    clock.set(due.minusMillis(300));
    ManualTimers timers = new ManualTimers(clock);
    EscalationScheduler s = scheduler(timers);

    // The first round finds nothing due; the timer goes off at the step's time, not a poll later.
    awaitTimer(timers, due);
    assertEquals(due, Await.result(s.timerAt()));
    clock.set(due);
    assertEquals(1, timers.fireDue());
    awaitFired(key);
    assertEquals(due, firedAt(key), "fired at its due time: lateness 0");
    assertEquals(s.instance(), rows("SELECT fired_by FROM escalation_steps WHERE key = ?", key).get(0));
    assertTrue(count("SELECT count(*) FROM outbox WHERE dedupe_key LIKE ?", "step:" + key + ":%") > 0,
        "the fired step queued its notices (" + number + ")");
    // And the timer is set again for what is planned next, at most a poll interval ahead.
    Instant after = awaitAnyTimer(timers);
    assertFalse(after.isAfter(due.plusSeconds(1)), after.toString());
  }

  @Test
  void aStepPlannedAfterTheTimerWasSetButDueEarlierFiresOnTime() throws Exception {
    startServer();
    String number = dispatchedTicket("hhht.market");
    ManualTimers timers = new ManualTimers(clock);
    EscalationScheduler s = scheduler(timers);
    // Nothing due within the poll interval: the timer is the poll, one second ahead.
    awaitTimer(timers, MONDAY_10.plusSeconds(1));

    // Another instance (or a request on this one) commits a step due in 200 ms: its NOTIFY brings
    // this scheduler's timer forward.
    Instant due = MONDAY_10.plusMillis(200);
    String key = number + ":FIX:SUPERVISE:test";
    planCaseStep(number, key, due);
    awaitTimer(timers, due);
    assertEquals(due, Await.result(s.timerAt()));
    clock.set(due);
    assertEquals(1, timers.fireDue());
    awaitFired(key);
    assertEquals(due, firedAt(key), "fired at its due time: lateness 0");
    assertEquals(1, count("SELECT count(*) FROM ticket_events WHERE details->>'step_key' = ?", key));
    assertTrue(count("SELECT count(*) FROM outbox WHERE dedupe_key LIKE ?", "step:" + key + ":%") > 0,
        "the fired step queued its notices");
  }

  @Test
  void twoSchedulersFireEachStepOnce() throws Exception {
    startServer();
    List<String> departments = List.of("hhht.housing", "hhht.market", "hhht.transport", "hhht.environment");
    for (int i = 0; i < 12; i++) {
      dispatchedTicket(departments.get(i % departments.size()));
    }
    ManualTimers a = new ManualTimers(clock);
    ManualTimers b = new ManualTimers(clock);
    EscalationScheduler first = scheduler(a);
    EscalationScheduler second = scheduler(b);
    awaitTimer(a, MONDAY_10.plusSeconds(1));
    awaitTimer(b, MONDAY_10.plusSeconds(1));
    // Each ladder is one planned row carrying the rest of its steps (issue 15).
    assertEquals(12, count("SELECT count(*) FROM escalation_steps WHERE status = 'planned'"));
    long planned = count("SELECT count(*) + sum(jsonb_array_length(later)) FROM escalation_steps "
        + "WHERE status = 'planned'");
    // Both wake at the same moment, three months later: every step of every ticket is due, in rounds
    // that overlap on the two schedulers' contexts.
    clock.set(MONDAY_10.plus(Duration.ofDays(90)));
    assertEquals(1, a.fireDue());
    assertEquals(1, b.fireDue());
    assertTrue(planned >= 12 * 10, "steps planned: " + planned);
    Await.until(() -> count("SELECT count(*) FROM escalation_steps WHERE status = 'fired'") == planned);
    // Both have finished their rounds when both have set their timers again.
    awaitAnyTimer(a);
    awaitAnyTimer(b);
    assertEquals(planned, count("SELECT count(*) FROM ticket_events WHERE details->>'step_key' IS NOT NULL"));
    assertEquals(planned, count("SELECT count(DISTINCT details->>'step_key') FROM ticket_events "
        + "WHERE details->>'step_key' IS NOT NULL"));
    assertEquals(0, count("SELECT count(*) FROM (SELECT dedupe_key FROM outbox GROUP BY dedupe_key "
        + "HAVING count(*) > 1) d"));
    assertEquals(planned, count("SELECT count(*) FROM escalation_steps WHERE fired_by IN (?, ?)",
        first.instance(), second.instance()));
    System.out.println("fired per scheduler: "
        + rows("SELECT fired_by || '=' || count(*) FROM escalation_steps GROUP BY fired_by"));
  }

  /** Plans one 督办 step of a case's deadlines about the ticket, in its own transaction (it commits). */
  void planCaseStep(String number, String key, Instant due) throws Exception {
    long ticketId = count("SELECT id FROM tickets WHERE number = ?", number);
    PlannedStep step = new PlannedStep(key, number, DeadlineKind.FIX, StepKind.SUPERVISE, 1, due, due,
        EnumSet.of(Audience.DEPARTMENT), EnumSet.of(NoticeChannel.MAIL), false);
    EscalationStepRepository steps = new EscalationStepRepository(Duration.ofSeconds(1));
    Await.result(server.server().pool().withTransaction(tx -> steps.replanCase(tx, ticketId, "test:1",
        p -> "hhht.market", new LadderPlan(number, List.of(step)), clock.instant())));
  }

  void awaitTimer(ManualTimers timers, Instant at) throws InterruptedException {
    Await.until(() -> timers.next().equals(Optional.of(at)));
  }

  Instant awaitAnyTimer(ManualTimers timers) throws InterruptedException {
    Await.until(() -> timers.next().isPresent());
    return timers.next().orElseThrow();
  }

  void awaitFired(String key) throws InterruptedException {
    Await.until(() -> count("SELECT count(*) FROM escalation_steps WHERE key = ? AND status = 'fired'", key) == 1);
  }

  Instant dueAt(String key) throws Exception {
    return Instant.parse(rows("SELECT to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') "
        + "FROM escalation_steps WHERE key = ?", key).get(0));
  }

  Instant firedAt(String key) throws Exception {
    return Instant.parse(rows("SELECT to_char(fired_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') "
        + "FROM escalation_steps WHERE key = ?", key).get(0));
  }

  String dispatchedTicket(String department) {
    JsonObject draft = new JsonObject().put("citizen_phone", "13800138000").put("request_type", "投诉")
        .put("urgency", "一般").put("description", "小区供暖温度不达标，室温只有14度");
    var r = server.postJson("/api/tickets", draft, As.OPERATOR);
    assertEquals(201, r.status(), r.body());
    String number = r.json().getString("number");
    var d = server.postJson("/api/tickets/" + number + "/actions/dispatch",
        new JsonObject().put("department_id", department), "X-Hotline-Role", "DISPATCHER");
    assertEquals(200, d.status(), d.body());
    return number;
  }

  long count(String sql, Object... args) {
    try {
      return Long.parseLong(rows(sql, args).get(0));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  List<String> rows(String sql, Object... args) throws Exception {
    return server.column(sql, args);
  }
}
