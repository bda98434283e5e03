package org.open12345.hotline.escalation;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.deadline.ManualClock;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestServer.Response;
import org.open12345.hotline.testing.TestServer;

/**
 * The server side of issue 6 on simulated time: dispatch sets deadlines and plans the ladder, the
 * scheduler fires each step once "as of" the simulated instant, acts and decisions move the steps.
 */
class ServerLadderTest {
  // Mon 2026-03-02 10:00 in Beijing: an ordinary week, no holiday in reach of a 7-day deadline.
  static final Instant MONDAY_10 = Instant.parse("2026-03-02T02:00:00Z");
  static ManualClock clock = new ManualClock(MONDAY_10);
  static TestServer server;

  @BeforeAll
  static void start() {
    // The supervisors' robot is configured: an unconfigured one is skipped (no dead letters).
    server = TestServer.start(Map.of("escalation.scheduler_enabled", "false", "outbox.relay_enabled", "false",
        "escalation.supervisors_mail", "duban@example.gov.cn",
        "messaging.wecom.robots.supervisors.key", "test-key"), clock);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String dispatchedTicket(String department) {
    JsonObject draft = new JsonObject().put("citizen_phone", "13800138000").put("request_type", "投诉")
        .put("urgency", "一般").put("description", "小区供暖温度不达标，室温只有14度");
    Response r = server.postJson("/api/tickets", draft, As.OPERATOR);
    assertEquals(201, r.status(), r.body());
    String number = r.json().getString("number");
    Response d = server.postJson("/api/tickets/" + number + "/actions/dispatch",
        new JsonObject().put("department_id", department), "X-Hotline-Role", "DISPATCHER");
    assertEquals(200, d.status(), d.body());
    return number;
  }

  static Response act(String number, String action, String department) {
    return server.post("/api/tickets/" + number + "/actions/" + action, "{}", "X-Hotline-Role", "DEPARTMENT",
        "X-Hotline-Department", department);
  }

  static int fire(Instant asOf) throws Exception {
    return Await.result(server.server().features().escalation.scheduler().drain(asOf));
  }

  static List<String> rows(String sql, Object... args) throws Exception {
    return server.column(sql, args);
  }

  static List<String> stepsOf(String number, String status) throws Exception {
    return rows("SELECT s.key FROM escalation_steps s JOIN tickets t ON t.id = s.ticket_id "
        + "WHERE t.number = ? AND s.status = ? ORDER BY s.due_at, s.level", number, status);
  }

  /**
   * The steps still to fire, by due time: the ladder's one planned row and the steps it carries
   * ({@code later}: key, deadline kind, step kind, level, due, ...).
   */
  static List<String> pending(String number) throws Exception {
    return rows("SELECT p.key FROM (SELECT s.key, s.due_at, s.level FROM escalation_steps s JOIN tickets t "
        + "ON t.id = s.ticket_id WHERE t.number = ? AND s.status = 'planned' UNION ALL "
        + "SELECT e->>0, (e->>4)::timestamptz, (e->>3)::int FROM escalation_steps s JOIN tickets t "
        + "ON t.id = s.ticket_id, jsonb_array_elements(s.later) e WHERE t.number = ? AND s.status = 'planned') p "
        + "ORDER BY p.due_at, p.level", number, number);
  }

  static JsonObject deadline(String number, String kind) {
    Response r = server.get("/api/tickets/" + number + "/deadlines", As.DISPATCHER);
    assertEquals(200, r.status(), r.body());
    for (Object o : r.json().getJsonArray("deadlines")) {
      JsonObject d = (JsonObject) o;
      if (d.getString("kind").equals(kind)) {
        return d;
      }
    }
    throw new AssertionError("no " + kind + " deadline in " + r.body());
  }

  @Test
  void anUnsignedTicketClimbsTheWholeLadderEachStepOnceWithItsMessages() throws Exception {
    clock.set(MONDAY_10);
    String n = dispatchedTicket("hhht.watersupply");
    // ordinary (policies.yaml): sign 2h (warn 30m before: 11:30), respond 24h (warn 4h before: Tue
    // 06:00), resolve 7d (two reminders: at 75% of the time, Sat 16:00, and 1d before, Sun 10:00),
    // escalation 24h after each deadline.
    assertEquals(List.of(n + ":SIGN:REMIND", n + ":SIGN:SUPERVISE", n + ":RESPOND:REMIND", n + ":RESPOND:SUPERVISE",
        n + ":SIGN:ESCALATE", n + ":RESPOND:ESCALATE", n + ":RESOLVE:REMIND@75%", n + ":RESOLVE:REMIND@1d",
        n + ":RESOLVE:SUPERVISE", n + ":RESOLVE:ESCALATE"), pending(n));
    // Planned lazily (issue 15): one row, the next step, carrying the other nine.
    assertEquals(List.of(n + ":SIGN:REMIND"), stepsOf(n, "planned"));
    assertEquals("DEADLINES_SET", lastEventAction(n));

    fire(MONDAY_10.plus(Duration.ofMinutes(89)));
    assertEquals(List.of(), stepsOf(n, "fired"), "nothing is due before the 30-minutes-before reminder");
    fire(MONDAY_10.plus(Duration.ofMinutes(90)));
    assertEquals(List.of(n + ":SIGN:REMIND"), stepsOf(n, "fired"));
    // Firing a step planned the next, at its own time, in the same transaction.
    assertEquals(List.of(n + ":SIGN:SUPERVISE"), stepsOf(n, "planned"));
    assertEquals(List.of("2026-03-02 04:00:00+00"), rows("SELECT s.due_at::text FROM escalation_steps s "
        + "JOIN tickets t ON t.id = s.ticket_id WHERE t.number = ? AND s.status = 'planned'", n));
    assertEquals(8, pending(n).size() - 1, pending(n).toString());
    fire(MONDAY_10.plus(Duration.ofHours(2)));
    assertEquals(List.of(n + ":SIGN:REMIND", n + ":SIGN:SUPERVISE"), stepsOf(n, "fired"));
    fire(MONDAY_10.plus(Duration.ofHours(2)));
    assertEquals(2, stepsOf(n, "fired").size(), "a second round at the same instant fires nothing again");

    fire(MONDAY_10.plus(Duration.ofDays(9)));
    List<String> fired = stepsOf(n, "fired");
    assertEquals(List.of(n + ":SIGN:REMIND", n + ":SIGN:SUPERVISE", n + ":RESPOND:REMIND", n + ":RESPOND:SUPERVISE",
        n + ":SIGN:ESCALATE", n + ":RESPOND:ESCALATE", n + ":RESOLVE:REMIND@75%", n + ":RESOLVE:REMIND@1d",
        n + ":RESOLVE:SUPERVISE", n + ":RESOLVE:ESCALATE"), fired);
    assertEquals(List.of(), stepsOf(n, "planned"));
    assertEquals(List.of(), pending(n));

    // Each step is one event on the ticket...
    assertEquals(List.of("3", "4", "3"), rows("SELECT count(*) FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id "
        + "WHERE t.number = ? AND e.action IN ('REMIND', 'SUPERVISE', 'ESCALATE') GROUP BY e.action ORDER BY e.action", n));
    // ...and its messages (besides the dispatch notice): 催办 one mail to the department (each of resolve's two); 督办 the department
    // and its leaders plus the supervisors' robot; 通报 the parent department (呼和浩特市), the
    // supervisors and the robot.
    List<String> outbox = rows("SELECT o.dedupe_key FROM outbox o JOIN tickets t ON t.id = o.ticket_id "
        + "WHERE t.number = ? AND o.dedupe_key LIKE 'step:%' ORDER BY o.dedupe_key", n);
    assertEquals(22, outbox.size(), outbox.toString());
    assertTrue(outbox.contains("step:" + n + ":SIGN:ESCALATE:mail:hhht@hhht.gov.example"), outbox.toString());
    assertTrue(outbox.contains("step:" + n + ":SIGN:SUPERVISE:mail:hhht-watersupply.l1@hhht.gov.example"), outbox.toString());
    assertTrue(outbox.contains("step:" + n + ":RESOLVE:ESCALATE:mail:duban@example.gov.cn"), outbox.toString());
    assertTrue(outbox.contains("step:" + n + ":RESPOND:ESCALATE:robot"), outbox.toString());
    String mail = rows("SELECT o.text_body FROM outbox o WHERE o.dedupe_key = ?",
        "step:" + n + ":SIGN:SUPERVISE:mail:hhht-watersupply@hhht.gov.example").get(0);
    assertTrue(mail.contains(n) && mail.contains("签收") && mail.contains("2026-03-02 12:00"), mail);

    Response esc = server.get("/api/escalations?department=hhht.watersupply&level=2", As.DISPATCHER);
    assertEquals(200, esc.status(), esc.body());
    assertEquals(3, esc.json().getJsonArray("items").stream()
        .filter(o -> ((JsonObject) o).getString("number").equals(n)).count(), esc.body());
    clock.set(MONDAY_10.plus(Duration.ofDays(9)));
    Response overdue = server.get("/api/deadlines/overdue?department=hhht.watersupply", As.DISPATCHER);
    assertTrue(overdue.body().contains(n), overdue.body());
    assertEquals(overdue.body(),
        server.get("/api/tickets?overdue=true&department=hhht.watersupply", As.DISPATCHER).body(),
        "the same list under the tickets URL");
    assertFalse(server.get("/api/deadlines/overdue?department=hhht.gas", As.DISPATCHER).body().contains(n));
    assertEquals("missed", deadline(n, "SIGN").getString("state"));
  }

  @Test
  void signingStopsTheSignStepsAndReplyingStopsTheRest() throws Exception {
    clock.set(MONDAY_10);
    String n = dispatchedTicket("hhht.gas");
    clock.set(MONDAY_10.plus(Duration.ofMinutes(90)));
    fire(clock.instant());
    assertEquals(List.of(n + ":SIGN:REMIND"), stepsOf(n, "fired"));
    assertEquals(List.of(n + ":SIGN:SUPERVISE"), stepsOf(n, "planned"));
    assertEquals(200, act(n, "sign", "hhht.gas").status());
    // The planned 督办 of sign-by is cancelled; its 通报 was never a row and is no longer carried.
    assertEquals(List.of(n + ":SIGN:SUPERVISE"), stepsOf(n, "cancelled"));
    assertEquals(List.of(n + ":RESPOND:REMIND"), stepsOf(n, "planned"));
    assertFalse(pending(n).stream().anyMatch(k -> k.startsWith(n + ":SIGN:")), pending(n).toString());
    fire(MONDAY_10.plus(Duration.ofDays(3)));
    assertFalse(stepsOf(n, "fired").stream().anyMatch(k -> k.startsWith(n + ":SIGN:S") || k.startsWith(n + ":SIGN:E")));
    assertTrue(stepsOf(n, "fired").contains(n + ":RESPOND:SUPERVISE"));
    assertEquals("met", deadline(n, "SIGN").getString("state"));

    clock.set(MONDAY_10.plus(Duration.ofDays(3)));
    assertEquals(200, act(n, "contact", "hhht.gas").status());
    assertEquals(200, act(n, "reply", "hhht.gas").status());
    assertEquals(List.of(), stepsOf(n, "planned"), "the reply meets resolve-by: nothing left to fire");
    assertEquals(List.of(), pending(n));
    assertEquals("met_late", deadline(n, "RESPOND").getString("state"));
    assertEquals("met", deadline(n, "RESOLVE").getString("state"));
  }

  @Test
  void anApprovedExtensionMovesResolveByAndItsStepsAndTellsTheCitizen() throws Exception {
    clock.set(MONDAY_10);
    String n = dispatchedTicket("hhht.housing");
    String before = deadline(n, "RESOLVE").getString("due_at");
    assertEquals("2026-03-09T02:00:00Z", before);
    clock.set(MONDAY_10.plus(Duration.ofDays(2)));
    Response req = server.postJson("/api/tickets/" + n + "/extensions",
        new JsonObject().put("days", 5).put("reason", "需协调多个部门现场勘查"),
        "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", "hhht.housing");
    assertEquals(201, req.status(), req.body());
    long id = req.json().getLong("id");
    Response twice = server.postJson("/api/tickets/" + n + "/extensions",
        new JsonObject().put("days", 2).put("reason", "again"),
        "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", "hhht.housing");
    assertEquals(409, twice.status(), twice.body());
    Response byDept = server.postJson("/api/tickets/" + n + "/extensions/" + id + "/approve",
        new JsonObject().put("reason", "ok"), "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", "hhht.housing");
    assertEquals(403, byDept.status(), byDept.body());

    Response ok = server.postJson("/api/tickets/" + n + "/extensions/" + id + "/approve",
        new JsonObject().put("reason", "情况属实，同意延期"), "X-Hotline-Role", "DISPATCHER");
    assertEquals(200, ok.status(), ok.body());
    // 7 days from Mon 03-02 10:00 = Mon 03-09 10:00; + 5 working days = end of Mon 03-16.
    JsonObject resolve = deadline(n, "RESOLVE");
    assertEquals("2026-03-16T15:59:59.999999Z", resolve.getString("due_at"));
    assertEquals(1, resolve.getInteger("revision"));
    assertFalse(pending(n).stream().anyMatch(k -> k.equals(n + ":RESOLVE:REMIND@1d") || k.equals(n + ":RESOLVE:REMIND@75%")
        || k.equals(n + ":RESOLVE:SUPERVISE")), pending(n).toString());
    assertTrue(pending(n).containsAll(List.of(n + ":RESOLVE:REMIND@1d#1", n + ":RESOLVE:SUPERVISE#1")), pending(n).toString());
    assertEquals(1, stepsOf(n, "planned").size(), "still one row");
    fire(Instant.parse("2026-03-09T03:00:00Z"));
    assertFalse(stepsOf(n, "fired").stream().anyMatch(k -> k.startsWith(n + ":RESOLVE")), "old resolve-by passed quietly");
    List<String> sms = rows("SELECT o.text_body FROM outbox o JOIN tickets t ON t.id = o.ticket_id "
        + "WHERE t.number = ? AND o.channel = 'sms' AND o.to_citizen AND o.kind <> 'ticket-ack'", n);
    assertEquals(1, sms.size(), "besides the acknowledgement, the approval");
    assertTrue(sms.get(0).contains("2026-03-16") && sms.get(0).contains(n), sms.get(0));
    assertTrue(rows("SELECT e.action FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE t.number = ?", n)
        .containsAll(List.of("EXTENSION_REQUESTED", "EXTENSION_APPROVED")));
  }

  @Test
  void aRefusedExtensionChangesNothing() throws Exception {
    clock.set(MONDAY_10);
    String n = dispatchedTicket("hhht.transport");
    List<String> planned = pending(n);
    JsonObject resolve = deadline(n, "RESOLVE");
    Response req = server.postJson("/api/tickets/" + n + "/extensions",
        new JsonObject().put("until", "2026-03-20").put("reason", "材料未到"),
        "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", "hhht.transport");
    assertEquals(201, req.status(), req.body());
    Response no = server.postJson("/api/tickets/" + n + "/extensions/" + req.json().getLong("id") + "/refuse",
        new JsonObject().put("reason", "理由不充分"), "X-Hotline-Role", "SUPERVISOR");
    assertEquals(200, no.status(), no.body());
    assertEquals("refused", no.json().getString("status"));
    assertEquals(resolve, deadline(n, "RESOLVE"));
    assertEquals(planned, pending(n));
    assertEquals(List.of("0"), rows("SELECT count(*) FROM outbox o JOIN tickets t ON t.id = o.ticket_id "
        + "WHERE t.number = ? AND o.to_citizen AND o.kind <> 'ticket-ack'", n), "nothing but the acknowledgement");
  }

  @Test
  void pauseHoldsTheClockAndResumeMovesDeadlinesAndSteps() throws Exception {
    clock.set(MONDAY_10);
    String n = dispatchedTicket("hhht.environment");
    clock.set(MONDAY_10.plus(Duration.ofMinutes(30)));
    Response bad = server.postJson("/api/tickets/" + n + "/clock/pause", new JsonObject().put("reason", "想休息"),
        "X-Hotline-Role", "DISPATCHER");
    assertEquals(400, bad.status(), bad.body());
    // The department asks, the centre approves (issue 12): the clock stops at the approval.
    Response asked = server.postJson("/api/tickets/" + n + "/pause-requests",
        new JsonObject().put("reason", "等待诉求人补充材料"), "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department",
        "hhht.environment");
    assertEquals(201, asked.status(), asked.body());
    Response p = server.postJson("/api/tickets/" + n + "/pause-requests/" + asked.json().getLong("id") + "/approve",
        new JsonObject(), "X-Hotline-Role", "DISPATCHER");
    assertEquals(200, p.status(), p.body());
    assertEquals(List.of(), pending(n), "every deadline is held: no step runs");
    assertEquals(List.of(n + ":SIGN:REMIND"), stepsOf(n, "cancelled"));
    assertEquals("paused", deadline(n, "SIGN").getString("state"));
    fire(MONDAY_10.plus(Duration.ofHours(5)));
    assertEquals(List.of(), stepsOf(n, "fired"));

    clock.set(MONDAY_10.plus(Duration.ofHours(3).plusMinutes(30)));
    Response r = server.post("/api/tickets/" + n + "/clock/resume", "", "X-Hotline-Role", "DISPATCHER");
    assertEquals(200, r.status(), r.body());
    assertEquals("2026-03-02T07:00:00Z", deadline(n, "SIGN").getString("due_at"), "sign-by moved by the 3h paused");
    assertEquals(10, pending(n).size());
    assertEquals(List.of(n + ":SIGN:REMIND"), stepsOf(n, "planned"), "same keys: nothing fired before the pause");
    fire(Instant.parse("2026-03-02T06:59:00Z"));
    assertEquals(List.of(n + ":SIGN:REMIND"), stepsOf(n, "fired"));
    assertTrue(rows("SELECT e.action FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE t.number = ?", n)
        .containsAll(List.of("CLOCK_PAUSED", "CLOCK_RESUMED")));
  }

  @Test
  void aReturnStopsTheLadderAndARedispatchStartsANewRound() throws Exception {
    clock.set(MONDAY_10);
    String n = dispatchedTicket("hhht.urban");
    fire(MONDAY_10.plus(Duration.ofMinutes(90)));
    assertEquals(200, server.post("/api/tickets/" + n + "/actions/return", "{\"reason\":\"职能不符\",\"note\":\"应由住建局办理\"}",
        "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", "hhht.urban").status());
    // The department's ladder stops; only the centre's ruling on the return has steps now.
    assertEquals(List.of(n + ":RULING:REMIND", n + ":RULING:SUPERVISE"), pending(n));
    clock.set(MONDAY_10.plus(Duration.ofHours(2)));
    Response d = server.postJson("/api/tickets/" + n + "/actions/dispatch",
        new JsonObject().put("department_id", "hhht.housing"), "X-Hotline-Role", "DISPATCHER");
    assertEquals(200, d.status(), d.body());
    assertEquals(List.of(n + ":SIGN:REMIND#1"), stepsOf(n, "planned"), "the new round's first step");
    assertEquals(10, pending(n).size(), pending(n).toString());
    fire(MONDAY_10.plus(Duration.ofMinutes(210)));
    assertTrue(stepsOf(n, "fired").containsAll(List.of(n + ":SIGN:REMIND", n + ":SIGN:REMIND#1")));
    assertEquals("hhht.housing", rows("SELECT department_id FROM escalation_steps WHERE key = ?", n + ":SIGN:REMIND#1")
        .get(0));
  }

  static String lastEventAction(String number) throws Exception {
    List<String> a = rows("SELECT e.action FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id "
        + "WHERE t.number = ? ORDER BY e.id DESC LIMIT 1", number);
    return a.get(0);
  }
}
