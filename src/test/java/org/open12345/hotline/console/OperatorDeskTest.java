package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.console.ConsoleTesting.*;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.intake.IntakeTesting;
import org.open12345.hotline.intake.WebhookGuards;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/** The operator's desk: the seat, the caller panel, 当场答复, search by number, the callback queue. */
class OperatorDeskTest {
  static final String[] OPERATOR = person("chen.hw", "OPERATOR");
  static final String[] OTHER = person("liu.hw", "OPERATOR");
  static final String[] POWER = departmentPerson("li.power", "hhht.power");
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(IntakeTesting.config(), java.time.Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anOperatorTakesAnExtensionAndTheNextShiftTakesItOver() {
    Response seated = form(server, "/console/operator/seat", fields("csrf_token", csrf(server, OPERATOR),
        "extension", "8001"), OPERATOR);
    assertEquals(303, seated.status(), seated.body());
    assertEquals("/console/operator?done=seat", seated.header("Location"));
    String desk = server.get("/console/operator?done=seat", OPERATOR).body();
    assertTrue(desk.contains("id=\"seat-on\""), desk);
    assertTrue(desk.contains("已设置分机"));

    assertEquals(303, form(server, "/console/operator/seat", fields("csrf_token", csrf(server, OTHER),
        "extension", "8001"), OTHER).status());
    assertFalse(server.get("/console/operator", OPERATOR).body().contains("id=\"seat-on\""), "moved to the other");
    assertTrue(server.get("/console/operator", OTHER).body().contains("分机 8001"));

    assertEquals(400, form(server, "/console/operator/seat", fields("csrf_token", csrf(server, OPERATOR),
        "extension", "<script>"), OPERATOR).status());
    assertEquals(403, form(server, "/console/operator/seat", fields("extension", "8002"), OPERATOR).status(),
        "no CSRF token");
    assertEquals(403, form(server, "/console/operator/seat", fields("csrf_token", csrf(server, POWER),
        "extension", "8002"), POWER).status(), "not a department's page");
  }

  @Test
  void theCallerPanelShowsOpenAndPastTicketsRatingsAndCallbackTasks() {
    String open = ticket(server, powerCut("13700000001", "停电 <img src=x onerror=alert(1)>"));
    Response panel = server.get("/console/operator/caller?phone=13700000001&call=c-1", OPERATOR);
    assertEquals(200, panel.status(), panel.body());
    String html = panel.body();
    assertTrue(html.contains("id=\"caller-open\"") && html.contains(open), html);
    assertTrue(html.contains("data-call-id=\"c-1\""), "the call the new ticket is for");
    assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;") && !html.contains("<img src=x"));
    assertTrue(html.contains("id=\"no-history\""));
    assertEquals(400, server.get("/console/operator/caller", OPERATOR).status());
    assertEquals(403, server.get("/console/operator/caller?phone=13700000001", POWER).status());
    assertEquals(303, server.get("/console/operator/caller?phone=13700000001").status(), "to the login page");
  }

  @Test
  void aQuestionAnsweredOnTheCallIsRecordedAnswered() {
    String csrf = csrf(server, OPERATOR);
    Response missing = form(server, "/console/operator/tickets", fields("csrf_token", csrf,
        "citizen_phone", "13700000002", "request_type", "CONSULT", "description", "公积金怎么提取",
        "answered_on_spot", "on"), OPERATOR);
    assertEquals(400, missing.status());
    assertTrue(missing.body().contains("公积金怎么提取"), "what was typed stays");
    assertTrue(missing.body().contains("answer"), missing.body());

    Response saved = form(server, "/console/operator/tickets", fields("csrf_token", csrf,
        "citizen_phone", "13700000002", "request_type", "CONSULT", "description", "公积金怎么提取",
        "answered_on_spot", "on", "answer", "携带身份证到公积金中心办理，或在线上提交"), OPERATOR);
    assertEquals(303, saved.status(), saved.body());
    String location = saved.header("Location");
    assertTrue(location.endsWith("?done=ANSWER_ON_SPOT"), location);
    String number = location.substring("/tickets/".length(), location.indexOf('?'));
    assertEquals("ANSWERED", server.get("/api/tickets/" + number, As.DISPATCHER).json().getString("status"));
  }

  @Test
  void aFormMissingARequiredFieldIsShownAgainWithWhatWasTyped() {
    Response missing = form(server, "/console/operator/tickets", fields("csrf_token", csrf(server, OPERATOR),
        "citizen_phone", "13700000009", "request_type", "COMPLAINT", "citizen_name", "王女士"), OPERATOR);
    assertEquals(400, missing.status(), missing.body());
    assertTrue(missing.body().contains("王女士"), "what was typed stays");
    assertTrue(missing.body().contains("description"), missing.body());
  }

  @Test
  void aTicketNumberTypedIntoTheSearchOpensTheTicket() {
    String n = ticket(server, powerCut("13700000003", "停电"));
    Response found = server.get("/console/operator?phone=" + n, OPERATOR);
    assertEquals(303, found.status());
    assertEquals("/tickets/" + n, found.header("Location"));
    Response none = server.get("/console/operator?phone=20000101999999", OPERATOR);
    assertEquals(200, none.status());
    assertTrue(none.body().contains("没有找到该工单号"));
    Response byPhone = server.get("/console/operator?phone=13700000003", OPERATOR);
    assertTrue(byPhone.body().contains(n) && byPhone.body().contains("id=\"caller-panel\""), byPhone.body());
  }

  @Test
  void theDeskOffersTheCategoryTree() {
    String desk = server.get("/console/operator", OPERATOR).body();
    assertTrue(desk.contains("id=\"category-tree\""));
    assertTrue(desk.contains("data-category=\"020201\""), "a leaf of categories.yaml");
  }

  @Test
  void anAbandonedCallWaitsInTheCallbackQueueUntilAnOperatorMarksItDone() {
    Response hook = server.post("/webhooks/voice/generic", new JsonObject().put("event", "hangup")
        .put("direction", "in").put("callId", "cb-77").put("from", "13700000004").put("to", "12345")
        .put("cause", "cancel").encode(), WebhookGuards.HEADER, IntakeTesting.VOICE_SECRET);
    assertEquals(200, hook.status(), hook.body());
    Response list = server.get("/console/operator/callbacks", OPERATOR);
    assertEquals(200, list.status());
    String html = list.body();
    int at = html.indexOf("13700000004");
    assertTrue(at > 0, html);
    String id = html.substring(html.indexOf("/console/operator/callback-tasks/", at) + 33);
    id = id.substring(0, id.indexOf('/'));
    assertEquals(403, form(server, "/console/operator/callback-tasks/" + id + "/done", fields("note", "x"),
        OPERATOR).status(), "no CSRF token");
    Response done = form(server, "/console/operator/callback-tasks/" + id + "/done", fields("csrf_token",
        csrf(server, OPERATOR), "note", "已回拨"), OPERATOR);
    assertEquals(303, done.status(), done.body());
    assertFalse(server.get("/console/operator/callbacks", OPERATOR).body().contains("13700000004"));
    assertEquals(409, form(server, "/console/operator/callback-tasks/" + id + "/done", fields("csrf_token",
        csrf(server, OPERATOR)), OPERATOR).status(), "done once");
  }

  @Test
  void aRepliedTicketWaitsForItsFollowUpCall() {
    String n = ticket(server, powerCut("13700000005", "停电"));
    server.post("/api/tickets/" + n + "/actions/sign", "", "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department",
        "hhht.power");
    Response replied = server.postJson("/api/tickets/" + n + "/actions/reply", new JsonObject().put("note", "已恢复供电"),
        "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", "hhht.power");
    assertEquals(200, replied.status(), replied.body());
    assertTrue(server.get("/console/operator/callbacks", OPERATOR).body().contains("id=\"follow-up-" + n + "\""));
    Response recorded = form(server, "/console/operator/follow-ups/" + n, fields("csrf_token",
        csrf(server, OPERATOR), "result", "SOLVED"), OPERATOR);
    assertEquals(303, recorded.status(), recorded.body());
    assertEquals("CLOSED", server.get("/api/tickets/" + n, As.DISPATCHER).json().getString("status"));
    assertEquals(400, form(server, "/console/operator/follow-ups/" + n, fields("csrf_token",
        csrf(server, OPERATOR), "result", "MAYBE"), OPERATOR).status());
  }
}
