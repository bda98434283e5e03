package org.open12345.hotline.ticket;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.intake.IntakeTesting;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/** 直接办结 at creation: {@code POST /api/tickets} with {@code answered_on_spot} and the answer. */
class DirectAnswerTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A power cut: the rules route it to hhht.power, so an ordinary creation would dispatch it. */
  static JsonObject powerCut(String phone) {
    return new JsonObject().put("citizen_phone", phone).put("request_type", "咨询")
        .put("category_code", "020201").put("description", "小区停电了，什么时候来电？");
  }

  static List<String> actions(JsonObject ticket) {
    return ticket.getJsonArray("timeline").stream().map(e -> ((JsonObject) e).getString("action")).toList();
  }

  @Test
  void anAnswerOnTheCallCreatesTheTicketAnsweredRoutedButNotDispatched() {
    Response r = server.postJson("/api/tickets", powerCut("13700000001").put("answered_on_spot", true)
        .put("answer", "已告知：供电公司计划检修，预计18:00恢复供电。"), As.OPERATOR);
    assertEquals(201, r.status(), r.body());
    JsonObject t = r.json();
    assertEquals("ANSWERED", t.getString("status"));
    assertNull(t.getString("department_id"), "no department: nobody was dispatched");
    assertEquals(List.of("CREATE", "ROUTE", "ANSWER_ON_SPOT"), actions(t));
    JsonObject route = t.getJsonArray("timeline").getJsonObject(1).getJsonObject("details");
    assertEquals("power-supply", route.getString("rule_id"), "the routing is recorded for the statistics");
    assertEquals("hhht.power", route.getString("lead_department_id"));
    assertTrue(route.getBoolean("answered_on_spot"));
    JsonObject answered = t.getJsonArray("timeline").getJsonObject(2);
    assertEquals("已告知：供电公司计划检修，预计18:00恢复供电。", answered.getJsonObject("details").getString("answer"));
    assertEquals("RECEIVED", answered.getString("from_status"));
    assertEquals(0, IntakeTesting.count(server, "SELECT count(*) FROM ticket_deadlines d JOIN tickets t "
        + "ON t.id = d.ticket_id WHERE t.number = ?", t.getString("number")), "no deadlines, no ladder");
  }

  @Test
  void theCitizenOfADirectAnswerIsAskedToRateIt() {
    String n = server.postJson("/api/tickets", powerCut("13700000002").put("answered_on_spot", true)
        .put("answer", "已解答"), As.OPERATOR).json().getString("number");
    JsonArray out = IntakeTesting.outboxOf(server, n);
    assertEquals(1, out.stream().filter(m -> "rating-prompt".equals(((JsonObject) m).getString("kind"))
        && "13700000002".equals(((JsonObject) m).getString("recipient"))).count(), out.encodePrettily());
    assertEquals(1, IntakeTesting.count(server, "SELECT count(*) FROM rating_prompts p JOIN tickets t "
        + "ON t.id = p.ticket_id WHERE t.number = ?", n));
  }

  @Test
  void withoutTheAnswerTextNothingIsCreated() {
    long before = IntakeTesting.count(server, "SELECT count(*) FROM tickets");
    assertBad(server.postJson("/api/tickets", powerCut("13700000003").put("answered_on_spot", true), As.OPERATOR),
        "answer");
    assertBad(server.postJson("/api/tickets", powerCut("13700000003").put("answered_on_spot", true)
        .put("answer", "   "), As.OPERATOR), "answer");
    assertBad(server.postJson("/api/tickets", powerCut("13700000003").put("answer", "已解答"), As.OPERATOR),
        "answered_on_spot");
    assertBad(server.postJson("/api/tickets", powerCut("13700000003").put("answered_on_spot", "yes")
        .put("answer", "已解答"), As.OPERATOR), "answered_on_spot");
    assertEquals(before, IntakeTesting.count(server, "SELECT count(*) FROM tickets"));
  }

  @Test
  void onlyAnOperatorAnswersOnTheSpotAndARefusalLeavesNoTicket() {
    long before = IntakeTesting.count(server, "SELECT count(*) FROM tickets");
    Response r = server.postJson("/api/tickets", powerCut("13700000004").put("answered_on_spot", true)
        .put("answer", "已解答"), As.DISPATCHER);
    assertEquals(403, r.status(), r.body());
    assertEquals(before, IntakeTesting.count(server, "SELECT count(*) FROM tickets"));
  }

  @Test
  void theAnswerActionOnAQueuedTicketNeedsTheAnswerToo() {
    String n = server.postJson("/api/tickets", new JsonObject().put("citizen_phone", "13700000005")
        .put("request_type", "咨询").put("description", "想问一下公积金怎么提取"), As.OPERATOR).json()
        .getString("number");
    Response none = server.post("/api/tickets/" + n + "/actions/answer_on_spot", "{\"note\":\"已答复\"}",
        As.OPERATOR);
    assertEquals(400, none.status(), none.body());
    assertEquals("answer", none.json().getJsonObject("details").getString("field"));
    Response ok = server.post("/api/tickets/" + n + "/actions/answer_on_spot",
        "{\"answer\":\"告知公积金提取可在线上办理\"}", As.OPERATOR);
    assertEquals(200, ok.status(), ok.body());
    assertEquals("ANSWERED", ok.json().getString("status"));
  }

  private static void assertBad(Response r, String field) {
    assertEquals(400, r.status(), r.body());
    assertEquals(field, r.json().getJsonObject("details").getString("field"), r.body());
  }
}
