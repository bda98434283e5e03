package org.open12345.hotline.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.deadline.ManualClock;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;
import org.open12345.hotline.testing.As;

/**
 * 退单: a department returns with a listed reason and a note; the centre's queue holds it with a
 * ruling deadline on the ladder; the ruling re-dispatches it or sends it back to the department,
 * whose clock then runs on and which the return is counted against.
 */
class ReturnsServerTest {
  // Mon 2026-03-02 10:00 in Beijing.
  static final Instant MONDAY_10 = Instant.parse("2026-03-02T02:00:00Z");
  static final ManualClock clock = new ManualClock(MONDAY_10);
  static final String[] DISPATCHER = {"X-Hotline-Role", "DISPATCHER", "X-Hotline-User", "paidan01"};
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("escalation.scheduler_enabled", "false", "outbox.relay_enabled", "false",
        "escalation.supervisors_mail", "duban@example.gov.cn"), clock);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String dispatched(String department) {
    Response r = server.postJson("/api/tickets", new JsonObject().put("citizen_phone", "13800138000")
        .put("request_type", "投诉").put("description", "路灯不亮，晚上出行不便"), As.OPERATOR);
    String n = r.json().getString("number");
    assertEquals(200, server.postJson("/api/tickets/" + n + "/actions/dispatch",
        new JsonObject().put("department_id", department), DISPATCHER).status());
    return n;
  }

  static Response act(String n, String action, String department, JsonObject body) {
    return server.postJson("/api/tickets/" + n + "/actions/" + action, body, "X-Hotline-Role", "DEPARTMENT",
        "X-Hotline-Department", department);
  }

  static Response giveBack(String n, String department, String reason, String note) {
    JsonObject body = new JsonObject();
    if (reason != null) {
      body.put("reason", reason);
    }
    if (note != null) {
      body.put("note", note);
    }
    return act(n, "return", department, body);
  }

  static Response rule(long id, JsonObject body, String... headers) {
    return server.postJson("/api/returns/" + id + "/ruling", body, headers.length == 0 ? DISPATCHER : headers);
  }

  static JsonObject pending(String n) {
    return server.get("/api/returns", As.DISPATCHER).json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(r -> r.getString("number").equals(n)).findFirst().orElse(null);
  }

  static JsonObject deadline(String n, String kind) {
    return server.get("/api/tickets/" + n + "/deadlines", As.DISPATCHER).json().getJsonArray("deadlines").stream()
        .map(JsonObject.class::cast).filter(d -> d.getString("kind").equals(kind)).findFirst().orElse(null);
  }

  static List<String> steps(String n, String status) {
    return server.get("/api/tickets/" + n + "/deadlines", As.DISPATCHER).json().getJsonArray("steps").stream()
        .map(JsonObject.class::cast).filter(s -> s.getString("status").equals(status)).map(s -> s.getString("key"))
        .toList();
  }

  static void assertRefused(Response r, int status, String code) {
    assertEquals(status, r.status(), r.body());
    assertEquals(code, r.json().getString("error"), r.body());
  }

  @Test
  void aReturnNeedsAListedReasonAndANoteOrNothingHappens() {
    clock.set(MONDAY_10);
    String n = dispatched("hhht.urban");
    assertRefused(giveBack(n, "hhht.urban", null, "不归我们管"), 400, "invalid_field");
    Response unknown = giveBack(n, "hhht.urban", "不归我们管", "x");
    assertRefused(unknown, 400, "invalid_field");
    assertTrue(unknown.json().getString("message").contains("wrong_area (属地不符)"), unknown.body());
    Response noNote = giveBack(n, "hhht.urban", "属地不符", null);
    assertEquals("note", noNote.json().getJsonObject("details").getString("field"), noNote.body());
    JsonObject t = server.get("/api/tickets/" + n, As.DISPATCHER).json();
    assertEquals("DISPATCHED", t.getString("status"), "nothing half-done");
    assertFalse(t.getJsonArray("timeline").stream().anyMatch(e -> ((JsonObject) e).getString("action").equals("RETURN")));
    assertNull(pending(n));
    assertEquals(5, server.get("/api/returns/reasons", As.OPERATOR).json().getJsonArray("items").size());
    assertRefused(server.get("/api/returns?status=lost", As.DISPATCHER), 400, "invalid_field");
  }

  @Test
  void theCentreQueueHoldsAReturnWithARulingDeadlineOnTheLadderUntilItReDispatches() throws Exception {
    clock.set(MONDAY_10);
    String n = dispatched("hhht.urban");
    Response r = giveBack(n, "hhht.urban", "wrong_area", "该路段属赛罕区管辖");
    assertEquals(200, r.status(), r.body());
    assertEquals("RETURNED", r.json().getString("status"));

    JsonObject queued = pending(n);
    assertEquals("wrong_area", queued.getString("reason"));
    assertEquals("属地不符", queued.getString("reason_label"));
    assertEquals("hhht.urban", queued.getString("department_id"));
    assertEquals("2026-03-02T06:00:00Z", queued.getString("ruling_due_at"), "4h (policies.yaml returns.ruling)");
    assertFalse(queued.getBoolean("ruling_overdue"));
    JsonObject ruling = deadline(n, "RULING");
    assertEquals("退单审核", ruling.getString("label"));
    assertEquals("open", ruling.getString("state"));
    assertEquals(List.of(n + ":RULING:REMIND", n + ":RULING:SUPERVISE"), steps(n, "planned"),
        "the department's steps are held for the ruling");

    // 催办 to the supervisors an hour before the ruling is due, 督办 at it.
    Await.result(server.server().features().escalation.scheduler().drain(Instant.parse("2026-03-02T05:00:00Z")));
    assertEquals(List.of(n + ":RULING:REMIND"), steps(n, "fired"));
    clock.set(MONDAY_10.plus(Duration.ofHours(5)));
    assertTrue(pending(n).getBoolean("ruling_overdue"));
    assertTrue(server.get("/api/deadlines/overdue", As.DISPATCHER).body().contains(n), "a late ruling is overdue");

    assertRefused(rule(queued.getLong("id"), new JsonObject().put("decision", "redispatch")), 400, "invalid_field");
    assertRefused(rule(queued.getLong("id"), new JsonObject().put("decision", "redispatch")
        .put("department_id", "hhht.urban")), 400, "invalid_field");
    assertRefused(rule(queued.getLong("id"), new JsonObject().put("decision", "redispatch")
        .put("department_id", "hhht.saihan"), "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", "hhht.urban"),
        403, "forbidden_action");
    Response ruled = rule(queued.getLong("id"), new JsonObject().put("decision", "redispatch")
        .put("department_id", "hhht.saihan").put("note", "属赛罕区"));
    assertEquals(200, ruled.status(), ruled.body());
    assertEquals("redispatch", ruled.json().getString("decision"));
    assertEquals("hhht.saihan", ruled.json().getString("redispatched_to"));
    assertEquals("paidan01", ruled.json().getString("ruled_by"));
    assertFalse(ruled.json().getBoolean("ruled_in_time"));
    assertFalse(ruled.json().getBoolean("counted_against_department"));
    assertRefused(rule(queued.getLong("id"), new JsonObject().put("decision", "send_back").put("note", "x")), 409,
        "already_ruled");

    JsonObject t = server.get("/api/tickets/" + n, As.DISPATCHER).json();
    assertEquals("DISPATCHED", t.getString("status"));
    assertEquals("hhht.saihan", t.getString("department_id"));
    assertEquals(1, deadline(n, "SIGN").getInteger("revision"), "a new round for the new department");
    assertEquals("met_late", deadline(n, "RULING").getString("state"));
    assertNull(pending(n));
    assertTrue(steps(n, "planned").contains(n + ":SIGN:REMIND#1"));
    assertTrue(server.get("/api/returns?status=ruled&department=hhht.urban", As.DISPATCHER).body().contains(n));
  }

  @Test
  void sendingItBackKeepsTheDepartmentsClockAndCountsTheReturnAgainstIt() {
    clock.set(MONDAY_10);
    String n = dispatched("hhht.housing");
    assertEquals(200, act(n, "sign", "hhht.housing", new JsonObject()).status());
    JsonObject resolveBefore = deadline(n, "RESOLVE");
    clock.set(MONDAY_10.plus(Duration.ofHours(1)));
    assertEquals(200, giveBack(n, "hhht.housing", "职能不符", "物业维修不属住建局").status());
    long id = pending(n).getLong("id");

    clock.set(MONDAY_10.plus(Duration.ofHours(2)));
    assertRefused(rule(id, new JsonObject().put("decision", "send_back")), 400, "invalid_field");
    assertRefused(rule(id, new JsonObject().put("decision", "later")), 400, "invalid_field");
    Response back = rule(id, new JsonObject().put("decision", "send_back").put("note", "小区无物业，属住建局督促范围"),
        "X-Hotline-Role", "SUPERVISOR");
    assertEquals(200, back.status(), back.body());
    assertEquals("send_back", back.json().getString("decision"));
    assertTrue(back.json().getBoolean("counted_against_department"));
    assertTrue(back.json().getBoolean("ruled_in_time"));

    JsonObject t = server.get("/api/tickets/" + n, As.DISPATCHER).json();
    assertEquals("DISPATCHED", t.getString("status"));
    assertEquals("hhht.housing", t.getString("department_id"));
    JsonObject resolve = deadline(n, "RESOLVE");
    assertEquals(resolveBefore.getString("due_at"), resolve.getString("due_at"), "its clock ran on");
    assertEquals(0, resolve.getInteger("revision"));
    assertEquals("met", deadline(n, "SIGN").getString("state"), "signed before the return: still met");
    assertEquals("met", deadline(n, "RULING").getString("state"));
    assertTrue(steps(n, "planned").contains(n + ":RESOLVE:SUPERVISE"), "its ladder is back: " + steps(n, "planned"));
    assertEquals(200, act(n, "sign", "hhht.housing", new JsonObject()).status(), "the department signs again");

    // A second return waits for a ruling of its own: new ladder keys.
    assertEquals(200, giveBack(n, "hhht.housing", "其他", "仍有争议").status());
    assertTrue(steps(n, "planned").contains(n + ":RULING:SUPERVISE#1"), steps(n, "planned").toString());
  }

  @Test
  void aDispatchOrStopOfAReturnedTicketIsItsRuling() {
    clock.set(MONDAY_10);
    String n = dispatched("hhht.transport");
    assertEquals(200, giveBack(n, "hhht.transport", "诉求不清", "未说明具体路段").status());
    long id = pending(n).getLong("id");
    assertEquals(200, server.postJson("/api/tickets/" + n + "/actions/dispatch",
        new JsonObject().put("department_id", "hhht.urban"), DISPATCHER).status());
    assertNull(pending(n), "no stale return in the queue");
    assertRefused(rule(id, new JsonObject().put("decision", "send_back").put("note", "x")), 409, "already_ruled");

    String stopped = dispatched("hhht.transport");
    assertEquals(200, giveBack(stopped, "hhht.transport", "重复工单", "与前一工单重复").status());
    assertEquals(200, server.postJson("/api/tickets/" + stopped + "/actions/stop", new JsonObject()
        .put("reason", "重复诉求"), DISPATCHER).status());
    assertNull(pending(stopped));
    assertTrue(server.get("/api/returns?status=ruled&department=hhht.transport", As.DISPATCHER).body().contains("\"stopped\""));
    assertRefused(server.postJson("/api/returns/abc/ruling", new JsonObject().put("decision", "send_back"), As.DISPATCHER), 404,
        "not_found");
    assertRefused(rule(99999999L, new JsonObject().put("decision", "send_back").put("note", "x")), 404, "not_found");
  }
}
