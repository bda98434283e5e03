package org.open12345.hotline.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/** A dispatcher's dispatch through the API may name the deadline policy; a name the rules lack is refused. */
class DispatchPolicyTest {
  static final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T02:00:00Z"));
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("escalation.scheduler_enabled", "false", "outbox.relay_enabled", "false"), clock);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** An operator's ticket without a category code waits in the dispatch queue (RECEIVED). */
  static String queuedTicket() {
    Response r = server.postJson("/api/tickets", new JsonObject().put("citizen_phone", "13800138000")
        .put("request_type", "投诉").put("description", "楼道灯坏了一个月没人修"), As.OPERATOR);
    assertEquals(201, r.status(), r.body());
    assertEquals("RECEIVED", r.json().getString("status"));
    return r.json().getString("number");
  }

  static Response dispatch(String n, JsonObject body) {
    return server.postJson("/api/tickets/" + n + "/actions/dispatch", body, As.DISPATCHER);
  }

  @Test
  void theNamedPolicySetsTheDeadlines() {
    String n = queuedTicket();
    Response r = dispatch(n, new JsonObject().put("department_id", "hhht.housing").put("policy", "complex"));
    assertEquals(200, r.status(), r.body());
    Response view = server.get("/api/tickets/" + n + "/deadlines", As.DISPATCHER);
    assertEquals(200, view.status(), view.body());
    assertEquals("complex", view.json().getString("policy"));
  }

  @Test
  void anUnknownPolicyIsRefusedOnItsFieldAndNothingChanges() {
    String n = queuedTicket();
    Response r = dispatch(n, new JsonObject().put("department_id", "hhht.housing").put("policy", "no-such-policy"));
    assertEquals(400, r.status(), r.body());
    assertEquals("policy", r.json().getJsonObject("details").getString("field"));
    Response after = server.get("/api/tickets/" + n, As.DISPATCHER);
    assertEquals("RECEIVED", after.json().getString("status"));
  }
}
