package org.open12345.hotline.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;
import org.open12345.hotline.testing.As;

/** A department asks to pause its clock; the centre approves, and the clock stops at the approval. */
class PauseRequestsTest {
  // Mon 2026-03-02 10:00 in Beijing.
  static final Instant MONDAY_10 = Instant.parse("2026-03-02T02:00:00Z");
  static final ManualClock clock = new ManualClock(MONDAY_10);
  static final String[] CENTRE = {"X-Hotline-Role", "DISPATCHER", "X-Hotline-User", "paidan01"};
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("escalation.scheduler_enabled", "false", "outbox.relay_enabled", "false"), clock);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String dispatched(String department) {
    Response r = server.postJson("/api/tickets", new JsonObject().put("citizen_phone", "13800138000")
        .put("request_type", "投诉").put("description", "小区井盖丢失，夜间有安全隐患"), As.OPERATOR);
    String n = r.json().getString("number");
    assertEquals(200, server.postJson("/api/tickets/" + n + "/actions/dispatch",
        new JsonObject().put("department_id", department), CENTRE).status());
    return n;
  }

  static Response ask(String n, String department, String reason) {
    return server.postJson("/api/tickets/" + n + "/pause-requests", new JsonObject().put("reason", reason)
        .put("note", "已联系诉求人，待其提供照片"), "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", department);
  }

  static Response decide(String n, long id, String decision, JsonObject body, String... headers) {
    return server.postJson("/api/tickets/" + n + "/pause-requests/" + id + "/" + decision, body, headers);
  }

  static JsonObject view(String n) {
    return server.get("/api/tickets/" + n + "/deadlines", As.DISPATCHER).json();
  }

  static JsonObject sign(String n) {
    return view(n).getJsonArray("deadlines").getJsonObject(0);
  }

  static List<String> actions(String n) {
    return server.get("/api/tickets/" + n, As.DISPATCHER).json().getJsonArray("timeline").stream()
        .map(e -> ((JsonObject) e).getString("action")).toList();
  }

  static void assertRefused(Response r, int status, String code) {
    assertEquals(status, r.status(), r.body());
    assertEquals(code, r.json().getString("error"), r.body());
  }

  @Test
  void theClockStopsAtTheApprovalNotAtTheRequest() {
    clock.set(MONDAY_10.plus(Duration.ofMinutes(30)));
    String n = dispatched("hhht.urban");
    assertRefused(server.postJson("/api/tickets/" + n + "/clock/pause", new JsonObject().put("reason",
        "等待诉求人补充材料"), "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", "hhht.urban"),
        403, "pause_needs_approval");

    Response asked = ask(n, "hhht.urban", "WAITING_FOR_CITIZEN");
    assertEquals(201, asked.status(), asked.body());
    assertEquals("pending", asked.json().getString("status"));
    assertEquals("等待诉求人补充材料", asked.json().getString("reason_label"));
    long id = asked.json().getLong("id");
    assertEquals("open", sign(n).getString("state"), "asking stops nothing");
    assertRefused(ask(n, "hhht.urban", "履行法定程序"), 409, "pause_pending");
    assertTrue(server.get("/api/pause-requests", As.DISPATCHER).body().contains(n), "in the centre's queue");

    assertRefused(decide(n, id, "approve", new JsonObject(), "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department",
        "hhht.urban"), 403, "forbidden_action");
    clock.set(MONDAY_10.plus(Duration.ofMinutes(90)));
    Response ok = decide(n, id, "approve", new JsonObject().put("note", "同意"), CENTRE);
    assertEquals(200, ok.status(), ok.body());
    assertEquals("approved", ok.json().getString("status"));
    assertEquals("paidan01", ok.json().getString("decided_by"));
    assertEquals("paused", sign(n).getString("state"));
    assertEquals("2026-03-02T03:30:00Z", view(n).getString("paused_at"), "from the approval");
    assertEquals(List.of(), view(n).getJsonArray("steps").stream()
        .filter(s -> ((JsonObject) s).getString("status").equals("planned")).toList());
    assertRefused(decide(n, id, "approve", new JsonObject(), CENTRE), 409, "already_decided");
    assertRefused(ask(n, "hhht.urban", "THIRD_PARTY_TESTING"), 409, "already_paused");
    assertTrue(!server.get("/api/pause-requests", As.DISPATCHER).body().contains(n), "decided: out of the queue");

    // Dispatched 10:30, sign 2h = 12:30; paused 11:30, resumed 12:30: one hour later, 13:30.
    clock.set(MONDAY_10.plus(Duration.ofMinutes(150)));
    assertEquals(200, server.post("/api/tickets/" + n + "/clock/resume", "", "X-Hotline-Role", "DEPARTMENT",
        "X-Hotline-Department", "hhht.urban").status());
    assertEquals("2026-03-02T05:30:00Z", sign(n).getString("due_at"));
    assertTrue(actions(n).containsAll(List.of("PAUSE_REQUESTED", "CLOCK_PAUSED", "CLOCK_RESUMED")), actions(n).toString());
    JsonObject paused = server.get("/api/tickets/" + n, As.DISPATCHER).json().getJsonArray("timeline").stream()
        .map(JsonObject.class::cast).filter(e -> e.getString("action").equals("CLOCK_PAUSED")).findFirst().orElseThrow();
    assertEquals(id, paused.getJsonObject("details").getLong("pause_request_id"));
    assertEquals("WAITING_FOR_CITIZEN", paused.getJsonObject("details").getString("reason"));
  }

  @Test
  void theCentreMayStillPauseDirectly() {
    clock.set(MONDAY_10);
    String n = dispatched("hhht.environment");
    Response p = server.postJson("/api/tickets/" + n + "/clock/pause", new JsonObject().put("reason", "不可抗力"),
        CENTRE);
    assertEquals(200, p.status(), p.body());
    assertTrue(p.json().getBoolean("paused"));
    assertRefused(ask(n, "hhht.environment", "WAITING_FOR_CITIZEN"), 409, "already_paused");
    assertRefused(ask("19990101000001", "hhht.environment", "WAITING_FOR_CITIZEN"), 404, "not_found");
    assertRefused(server.get("/api/pause-requests?size=0", As.DISPATCHER), 400, "invalid_field");
  }

  @Test
  void aRefusedRequestLeavesTheClockRunning() {
    clock.set(MONDAY_10);
    String n = dispatched("hhht.housing");
    long id = ask(n, "hhht.housing", "履行法定程序").json().getLong("id");
    assertRefused(decide(n, id, "refuse", new JsonObject(), CENTRE), 400, "invalid_field");
    Response no = decide(n, id, "refuse", new JsonObject().put("reason", "可先行处置，无需暂停"), CENTRE);
    assertEquals(200, no.status(), no.body());
    assertEquals("refused", no.json().getString("status"));
    assertEquals("open", sign(n).getString("state"));
    assertTrue(actions(n).contains("PAUSE_REFUSED"));
    assertEquals(1, view(n).getJsonArray("pause_requests").size());
    assertEquals(201, ask(n, "hhht.housing", "THIRD_PARTY_TESTING").status(), "may ask again");
  }

  @Test
  void onlyTheTicketsDepartmentAsksWithAReasonFromTheListWhileItWorksOnIt() {
    clock.set(MONDAY_10);
    String n = dispatched("hhht.transport");
    assertRefused(ask(n, "hhht.transport", "想休息"), 400, "invalid_field");
    // Another department's ticket answers as one that does not exist.
    assertRefused(ask(n, "hhht.housing", "WAITING_FOR_CITIZEN"), 404, "not_found");
    assertRefused(server.postJson("/api/tickets/" + n + "/pause-requests", new JsonObject().put("reason",
        "WAITING_FOR_CITIZEN"), CENTRE), 403, "forbidden_action");
    assertRefused(decide(n, 999999, "approve", new JsonObject(), CENTRE), 404, "not_found");
    assertEquals(200, server.post("/api/tickets/" + n + "/actions/return", new JsonObject().put("reason", "职能不符")
        .put("note", "属于住建局职责").encode(), "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department",
        "hhht.transport").status());
    assertRefused(ask(n, "hhht.transport", "WAITING_FOR_CITIZEN"), 409, "wrong_state");
  }
}
