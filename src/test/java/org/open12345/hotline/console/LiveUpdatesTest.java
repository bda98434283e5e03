package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.console.ConsoleTesting.*;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * Live updates cross server instances: a ticket changed through instance A reaches a screen
 * whose event stream is served by instance B (two servers, one database, LISTEN/NOTIFY).
 */
class LiveUpdatesTest {
  static TestServer a;
  static TestServer b;

  @BeforeAll
  static void start() {
    a = TestServer.start();
    b = TestServer.start(a.database(), Map.of(), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    b.close();
    a.close();
  }

  static List<String> listen(String... person) throws InterruptedException {
    return ConsoleTesting.listen(b, person);
  }

  @Test
  void aChangeOnOneInstanceReachesAScreenOnAnotherAndOnlyWhereItMaySee() throws InterruptedException {
    List<String> power = listen(departmentPerson("live.power", "hhht.power"));
    List<String> water = listen(departmentPerson("live.water", "hhht.water"));
    List<String> centre = listen(person("live.pd", "DISPATCHER"));
    assertTrue(power.get(0).startsWith("status 200 text/event-stream"), power.get(0));

    String powerTicket = ticket(a, powerCut("13500000001", "停电"));
    Await.until(() -> power.contains("data: " + powerTicket), Duration.ofSeconds(5));
    Await.until(() -> centre.contains("data: " + powerTicket), Duration.ofSeconds(5));
    // The ticket's own page listens for the event named after it.
    Await.until(() -> centre.contains("event: ticket-" + powerTicket), Duration.ofSeconds(5));

    // A change water may see, after the power one: once it arrived, the power one would have too.
    String waterTicket = ticket(a, powerCut("13500000002", "停水"));
    a.postJson("/api/tickets/" + waterTicket + "/actions/dispatch",
        new io.vertx.core.json.JsonObject().put("department_id", "hhht.water"), As.DISPATCHER);
    Await.until(() -> water.contains("data: " + waterTicket), Duration.ofSeconds(5));
    assertFalse(water.contains("data: " + powerTicket), "another department's ticket is never announced");
    assertFalse(water.contains("event: ticket-" + powerTicket));
    assertTrue(power.contains("data: " + waterTicket), "the queue it left is told too");
  }

  @Test
  void ratingsAndCoDepartmentEventsRefreshTheTicketsScreensToo() throws InterruptedException {
    List<String> centre = listen(person("live.pd2", "DISPATCHER"));
    List<String> water = listen(departmentPerson("live.water2", "hhht.water"));
    // 协办: the co-department hears the ticket it was given, though the lead is another department.
    String co = ticket(a, powerCut("13500000003", "停电导致水泵停运，小区停水"));
    a.postJson("/api/tickets/" + co + "/actions/dispatch", new io.vertx.core.json.JsonObject()
        .put("department_id", "hhht.power").put("co_department_ids", new io.vertx.core.json.JsonArray()
            .add("hhht.water")), As.DISPATCHER);
    Await.until(() -> water.contains("event: ticket-" + co), Duration.ofSeconds(5));

    // A rating on the web: the ticket's page (and the desks) hear it.
    Response filed = a.postJson("/api/complaints", new io.vertx.core.json.JsonObject().put("phone", "13500000004")
        .put("request_type", "投诉").put("description", "小区路灯一周不亮，晚上出行不便"));
    String n = filed.json().getString("number");
    String department = a.get("/api/tickets/" + n, As.DISPATCHER).json().getString("department_id");
    org.open12345.hotline.intake.IntakeTesting.reply(a, n, department == null ? "hhht.urban" : department,
        "已修复路灯线路");
    assertEquals(200, a.post("/api/tickets/" + n + "/actions/close", "", As.DISPATCHER).status());
    Await.until(() -> centre.contains("event: ticket-" + n), Duration.ofSeconds(5));
    centre.clear();
    Response rated = a.postJson("/api/complaints/" + n + "/rating", new io.vertx.core.json.JsonObject()
        .put("code", filed.json().getString("query_code")).put("level", 4));
    assertEquals(201, rated.status(), rated.body());
    Await.until(() -> centre.contains("event: ticket-" + n), Duration.ofSeconds(5));
  }

  @Test
  void withoutASessionThereIsNoStream() {
    assertEquals(303, a.get("/console/events").status());
  }
}
