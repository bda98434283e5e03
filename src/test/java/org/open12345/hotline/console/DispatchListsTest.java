package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.console.ConsoleTesting.*;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.intake.IntakeTesting;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * The dispatcher's lists beside the manual queue: returns to rule on, extension and pause
 * requests, unparsed SMS replies, emergencies; each decided from its row through the services.
 */
class DispatchListsTest {
  static final String[] DISPATCHER = person("wang.pd", "DISPATCHER");
  static final String[] OPERATOR = person("chen.hw", "OPERATOR");
  static final String[] POWER = departmentPerson("li.power", "hhht.power");
  static final String[] POWER_API = {"X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", "hhht.power"};
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(IntakeTesting.config(), java.time.Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The fields with the dispatcher's CSRF token unless they carry one. */
  static Map<String, String> signed(String... kv) {
    Map<String, String> m = ConsoleTesting.fields(kv);
    m.putIfAbsent("csrf_token", csrf(server, DISPATCHER));
    return m;
  }

  static String lists() {
    Response r = server.get("/console/dispatch/lists", DISPATCHER);
    assertEquals(200, r.status(), r.body());
    return r.body();
  }

  static String first(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    assertTrue(m.find(), regex + " in " + html);
    return m.group(1);
  }

  @Test
  void theListsAreForTheCentreOnly() {
    assertEquals(403, server.get("/console/dispatch/lists", OPERATOR).status());
    assertEquals(403, server.get("/console/dispatch/lists", POWER).status());
    assertEquals(303, server.get("/console/dispatch/lists").status());
    assertTrue(server.get("/console/dispatch", DISPATCHER).body().contains("hx-get=\"/console/dispatch/lists\""),
        "the dispatch page loads them beside the queue");
    assertEquals(200, server.get("/console/dispatch/lists", person("sun.db", "SUPERVISOR")).status());
  }

  @Test
  void aReturnIsSentBackWithANoteOrRedispatched() {
    String n = ticket(server, powerCut("13800000101", "停电"));
    Response returned = server.post("/api/tickets/" + n + "/actions/return",
        "{\"reason\":\"职能不符\",\"note\":\"属于物业维修范围\"}", POWER_API);
    assertEquals(200, returned.status(), returned.body());
    String html = lists();
    String id = first(html, "action=\"/console/dispatch/returns/(\\d+)\"");
    assertTrue(html.contains("属于物业维修范围") && html.contains(n));

    Response noNote = form(server, "/console/dispatch/returns/" + id, signed("decision", "send_back"), DISPATCHER);
    assertEquals(400, noNote.status(), "sending back needs a note");
    assertEquals(403, form(server, "/console/dispatch/returns/" + id, Map.of("decision", "send_back", "note", "x"),
        DISPATCHER).status(), "no CSRF token");
    assertEquals(403, form(server, "/console/dispatch/returns/" + id, Map.of("csrf_token", csrf(server, OPERATOR),
        "decision", "send_back", "note", "x"), OPERATOR).status(), "an operator does not rule");
    Response ruled = form(server, "/console/dispatch/returns/" + id, signed("decision", "send_back",
        "note", "经核实属供电线路故障，请继续办理"), DISPATCHER);
    assertEquals(303, ruled.status(), ruled.body());
    assertEquals("/console/dispatch?done=send_back", ruled.header("Location"));
    assertTrue(server.get("/console/dispatch?done=send_back", DISPATCHER).body().contains("已驳回退单"));
    assertEquals("DISPATCHED", server.get("/api/tickets/" + n, As.DISPATCHER).json().getString("status"));
    assertFalse(lists().contains("/console/dispatch/returns/" + id + "\""), "ruled: off the list");
    assertEquals(409, form(server, "/console/dispatch/returns/" + id, signed("decision", "redispatch",
        "department_id", "hhht.water"), DISPATCHER).status(), "ruled once");
  }

  @Test
  void extensionAndPauseRequestsAreDecidedFromTheList() {
    String n = ticket(server, powerCut("13800000102", "停电 <script>x</script>"));
    Response asked = server.postJson("/api/tickets/" + n + "/extensions",
        new JsonObject().put("days", 3).put("reason", "需协调 <b>管网</b>"), POWER_API);
    assertEquals(201, asked.status(), asked.body());
    String m = ticket(server, powerCut("13800000103", "停电"));
    Response pause = server.postJson("/api/tickets/" + m + "/pause-requests",
        new JsonObject().put("reason", "FORCE_MAJEURE").put("note", "暴雪封路"), POWER_API);
    assertEquals(201, pause.status(), pause.body());

    String html = lists();
    assertTrue(html.contains("需协调 &lt;b&gt;管网&lt;/b&gt;"), html);
    String ext = first(html, "/tickets/" + n + "/extensions/(\\d+)/approve");
    String pid = first(html, "/tickets/" + m + "/pause-requests/(\\d+)/approve");
    assertTrue(html.contains("暴雪封路"));

    Response approved = form(server, "/tickets/" + n + "/extensions/" + ext + "/approve",
        signed("return_to", "/console/dispatch", "reason", "同意"), DISPATCHER);
    assertEquals(303, approved.status(), approved.body());
    assertEquals("/console/dispatch?done=approve", approved.header("Location"));
    Response refusedBare = form(server, "/tickets/" + m + "/pause-requests/" + pid + "/refuse",
        signed("return_to", "/console/dispatch"), DISPATCHER);
    assertEquals(400, refusedBare.status(), "a refusal needs its reason");
    Response refused = form(server, "/tickets/" + m + "/pause-requests/" + pid + "/refuse",
        signed("return_to", "/console/dispatch", "reason", "可先行办理"), DISPATCHER);
    assertEquals(303, refused.status(), refused.body());
    String after = lists();
    assertTrue(after.contains("id=\"no-extensions\"") && after.contains("id=\"no-pauses\""), after);
  }

  @Test
  void anUnparsedReplyIsSettledFromTheList() {
    IntakeTesting.execute(server, """
        INSERT INTO inbound_messages (provider, provider_message_id, phone, text_body, raw, received_at, arrived_at,
                                      outcome)
        VALUES ('generic', 'm-unparsed-1', '13800000104', '不太满意 <i>吧</i>', '{}', now(), now(), 'unparsed')""");
    String html = lists();
    assertTrue(html.contains("不太满意 &lt;i&gt;吧&lt;/i&gt;"), html);
    String id = first(html, "action=\"/console/dispatch/inbound/(\\d+)\"");
    assertEquals(400, form(server, "/console/dispatch/inbound/" + id, signed("decision", "rate"), DISPATCHER)
        .status(), "a rating needs its level");
    Response dismissed = form(server, "/console/dispatch/inbound/" + id, signed("decision", "dismiss",
        "note", "无法判断"), DISPATCHER);
    assertEquals(303, dismissed.status(), dismissed.body());
    assertTrue(lists().contains("id=\"no-unparsed\""));
  }

  @Test
  void aWebEmergencyIsListedAndItsTicketDispatchedWithAPolicy() {
    Response filed = server.postJson("/api/complaints", new JsonObject().put("phone", "13800000105")
        .put("request_type", "求助").put("location", "新城区中山路").put("description", "有人拿着刀在街上追人"));
    assertEquals(201, filed.status(), filed.body());
    String n = filed.json().getString("number");
    String html = lists();
    assertTrue(html.contains("有人拿着刀在街上追人") && html.contains("110"), html);
    String id = first(html, "id=\"dispatch-emergency-(\\d+)\"");
    assertTrue(html.contains("id=\"emergency-" + id + "-policy\""), "a policy choice");
    Response dispatched = form(server, "/tickets/" + n + "/actions/dispatch", signed("return_to", "/console/dispatch",
        "department_id", "hhht.xincheng", "policy", "critical"), DISPATCHER);
    assertEquals(303, dispatched.status(), dispatched.body());
    assertEquals("DISPATCHED", server.get("/api/tickets/" + n, As.DISPATCHER).json().getString("status"));
    String policy = server.get("/api/tickets/" + n + "/deadlines", As.DISPATCHER).json().getString("policy");
    assertEquals("critical", policy, "the policy the dispatcher chose");
    assertFalse(lists().contains("id=\"dispatch-emergency-" + id + "\""), "dispatched: no form any more");
  }

  @Test
  void anEmergencyIsMarkedTransferredOnceWithWhoAndWhen() {
    Response filed = server.postJson("/api/complaints", new JsonObject().put("phone", "13800000106")
        .put("request_type", "求助").put("location", "赛罕区大学路").put("description", "楼道里着火了，浓烟很大"));
    assertEquals(201, filed.status(), filed.body());
    String html = lists();
    String id = first(html, "id=\"emergency-transferred-(\\d+)\"");
    assertTrue(html.contains("id=\"emergency-handled-" + id + "\""), "both choices");
    assertEquals(400, form(server, "/console/dispatch/emergencies/" + id, signed("as", "LATER"), DISPATCHER).status());
    Response marked = form(server, "/console/dispatch/emergencies/" + id, signed("as", "TRANSFERRED",
        "note", "已转119指挥中心"), DISPATCHER);
    assertEquals(303, marked.status(), marked.body());
    assertEquals("/console/dispatch?done=emergency", marked.header("Location"));
    String after = lists();
    String row = after.substring(after.indexOf("id=\"handled-" + id + "\""));
    assertTrue(row.startsWith("id=\"handled-" + id + "\"><strong>已转接</strong> · wang.pd · ")
        && row.contains("已转119指挥中心"), row);
    assertFalse(after.contains("id=\"emergency-transferred-" + id + "\""), "settled: no form any more");
    Response again = form(server, "/console/dispatch/emergencies/" + id, signed("as", "HANDLED"), DISPATCHER);
    assertEquals(409, again.status(), "a second dispatcher cannot take it too");
    assertEquals(404, form(server, "/console/dispatch/emergencies/99999999", signed("as", "HANDLED"), DISPATCHER)
        .status());
    JsonObject api = server.get("/api/emergency-transfers", As.DISPATCHER).json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(e -> e.getLong("id") == Long.parseLong(id)).findFirst().orElseThrow();
    assertEquals("TRANSFERRED", api.getJsonObject("handled").getString("as"), api.encode());
    assertEquals("wang.pd", api.getJsonObject("handled").getString("by"));
  }
}
