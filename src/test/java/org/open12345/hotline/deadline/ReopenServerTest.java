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
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;
import org.open12345.hotline.ticket.ActionRequest;
import org.open12345.hotline.ticket.TicketAction;
import org.open12345.hotline.testing.As;

/** 重办 starts a new round: the policy's deadlines from the reopening, a new ladder, the count on the ticket. */
class ReopenServerTest {
  // Mon 2026-03-02 10:00 in Beijing.
  static final Instant MONDAY_10 = Instant.parse("2026-03-02T02:00:00Z");
  static final ManualClock clock = new ManualClock(MONDAY_10);
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("escalation.scheduler_enabled", "false", "outbox.relay_enabled", "false"), clock);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String repliedTicket(String department) {
    Response r = server.postJson("/api/tickets", new JsonObject().put("citizen_phone", "13800138000")
        .put("request_type", "投诉").put("description", "楼道灯坏了一个月没人修"), As.OPERATOR);
    String n = r.json().getString("number");
    assertEquals(200, server.postJson("/api/tickets/" + n + "/actions/dispatch",
        new JsonObject().put("department_id", department), "X-Hotline-Role", "DISPATCHER").status());
    for (String a : List.of("sign", "contact", "reply")) {
      assertEquals(200, department(n, a, department).status());
    }
    return n;
  }

  static Response department(String n, String action, String department) {
    return server.post("/api/tickets/" + n + "/actions/" + action, "{}", "X-Hotline-Role", "DEPARTMENT",
        "X-Hotline-Department", department);
  }

  static JsonObject view(String n) {
    Response r = server.get("/api/tickets/" + n + "/deadlines", As.DISPATCHER);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  static JsonObject deadline(String n, String kind) {
    return view(n).getJsonArray("deadlines").stream().map(JsonObject.class::cast)
        .filter(d -> d.getString("kind").equals(kind)).findFirst().orElseThrow();
  }

  static List<String> planned(String n) {
    return view(n).getJsonArray("steps").stream().map(JsonObject.class::cast)
        .filter(s -> s.getString("status").equals("planned")).map(s -> s.getString("key")).toList();
  }

  @Test
  void aReopenedTicketGetsANewRoundOfDeadlinesAndLadder() {
    clock.set(MONDAY_10);
    String n = repliedTicket("hhht.gas");
    assertEquals(200, server.post("/api/tickets/" + n + "/actions/close", "", "X-Hotline-Role", "DISPATCHER").status());
    assertEquals(List.of(), planned(n), "a closed ticket has nothing to fire");

    clock.set(MONDAY_10.plus(Duration.ofDays(2)));
    Response r = server.postJson("/api/tickets/" + n + "/actions/reopen",
        new JsonObject().put("reason", "回访诉求人表示问题未解决"), "X-Hotline-Role", "SUPERVISOR");
    assertEquals(200, r.status(), r.body());
    assertEquals("REOPENED", r.json().getString("status"));
    assertEquals(1, r.json().getInteger("reopen_count"));
    assertEquals("hhht.gas", r.json().getString("department_id"));
    JsonObject set = r.json().getJsonArray("timeline").stream().map(JsonObject.class::cast)
        .filter(e -> e.getString("action").equals("DEADLINES_SET")).reduce((a, b) -> b).orElseThrow();
    assertEquals("reopen", set.getJsonObject("details").getString("reason"));
    assertEquals("ordinary", set.getJsonObject("details").getString("policy"), "the ticket's own policy");

    // ordinary: sign 2h, respond 24h, resolve 7d, from the reopening (Wed 03-04 10:00).
    JsonObject sign = deadline(n, "SIGN");
    assertEquals("2026-03-04T04:00:00Z", sign.getString("due_at"));
    assertEquals(1, sign.getInteger("revision"));
    assertEquals("open", sign.getString("state"));
    assertEquals("2026-03-11T02:00:00Z", deadline(n, "RESOLVE").getString("due_at"));
    assertTrue(planned(n).containsAll(List.of(n + ":SIGN:REMIND#1", n + ":SIGN:SUPERVISE#1", n + ":RESOLVE:SUPERVISE#1")),
        planned(n).toString());

    assertEquals(200, department(n, "sign", "hhht.gas").status());
    assertEquals("met", deadline(n, "SIGN").getString("state"));
  }

  @Test
  void aReopenMaySendTheTicketToAnotherDepartmentAndEachReopenCounts() {
    clock.set(MONDAY_10);
    String n = repliedTicket("hhht.urban");
    clock.set(MONDAY_10.plus(Duration.ofHours(5)));
    Response r = server.postJson("/api/tickets/" + n + "/actions/reopen",
        new JsonObject().put("department_id", "hhht.housing").put("note", "应由住建局办理"), "X-Hotline-Role", "DISPATCHER");
    assertEquals(200, r.status(), r.body());
    assertEquals("hhht.housing", r.json().getString("department_id"));
    // No longer the first department's: it does not see the ticket any more (404, as if none).
    assertEquals(404, department(n, "sign", "hhht.urban").status(), "no longer the first department's");
    for (String a : List.of("sign", "contact", "reply")) {
      assertEquals(200, department(n, a, "hhht.housing").status());
    }
    // The follow-up call or a founded 差评 case reopens as the system.
    Await.resultOf(server.server().features().tickets.act(n, TicketAction.REOPEN, Actor.SYSTEM,
        new ActionRequest("回访：未解决", null, null, null)));
    JsonObject t = server.get("/api/tickets/" + n, As.DISPATCHER).json();
    assertEquals(2, t.getInteger("reopen_count"));
    assertEquals("hhht.housing", t.getString("department_id"));
    assertEquals(2, deadline(n, "RESOLVE").getInteger("revision"));
  }

  @Test
  void onlyTheCentreReopensARepliedOrClosedTicket() {
    clock.set(MONDAY_10);
    String n = repliedTicket("hhht.transport");
    assertEquals(403, department(n, "reopen", "hhht.transport").status());
    assertEquals(200, server.post("/api/tickets/" + n + "/actions/reopen", "", "X-Hotline-Role", "DISPATCHER").status());
    Response twice = server.post("/api/tickets/" + n + "/actions/reopen", "", "X-Hotline-Role", "DISPATCHER");
    assertEquals(409, twice.status(), "REOPENED is not replied yet: " + twice.body());
    assertEquals(1, server.get("/api/tickets/" + n, As.DISPATCHER).json().getInteger("reopen_count"));
  }
}
