package org.open12345.hotline.evaluation;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.evaluation.RatingTesting.MONDAY_10;
import static org.open12345.hotline.intake.IntakeTesting.count;
import static org.open12345.hotline.intake.IntakeTesting.text;
import static org.open12345.hotline.intake.IntakeTesting.ticketsOf;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.intake.IntakeTesting;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * What a citizen's answer becomes: a request that starts with a number is a ticket, never a
 * rating; a reading that rests on a lone digit waits for a person, out of the figures, until they
 * settle it; 退订 stops the prompts; the status page rates once per round, shared with SMS.
 */
class RatingRepliesTest {
  static RatingTesting t;

  @BeforeAll
  static void start() {
    t = new RatingTesting();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static String outcome(String phone) {
    return text(t.server, "SELECT outcome FROM inbound_messages WHERE phone = ? ORDER BY id DESC LIMIT 1", phone);
  }

  static long inboundId(String phone) {
    return count(t.server, "SELECT id FROM inbound_messages WHERE phone = ? ORDER BY id DESC LIMIT 1", phone);
  }

  static long ratings(String number) {
    return count(t.server, "SELECT count(*) FROM ratings r JOIN tickets t ON t.id = r.ticket_id WHERE t.number = ?",
        number);
  }

  static Response settle(long id, JsonObject body) {
    return t.server.postJson("/api/inbound/" + id + "/settle", body, "X-Hotline-Role", "DISPATCHER",
        "X-Hotline-User", "li.pd");
  }

  @Test
  void aRequestThatStartsWithANumberIsATicketNotARating() {
    t.clock.set(MONDAY_10);
    String n = t.closedTicket("13900000201", "hhht.urban");
    t.sms("13900000201", "1号楼的路灯又坏了");
    assertEquals("ticket", outcome("13900000201"));
    assertEquals(0, ratings(n), "no false 非常满意");
    assertEquals(2, ticketsOf(t.server, "13900000201").size(), "the complaint is not lost");
    t.sms("13900000201", "5楼卫生间漏水");
    assertEquals("ticket", outcome("13900000201"));
    assertEquals(0, ratings(n));
    t.sms("13900000201", "满意，谢谢");
    assertEquals("rating", outcome("13900000201"));
    assertEquals("SATISFIED", t.ratingsOf(n).getJsonArray("ratings").getJsonObject(0).getString("level"));
    assertEquals("MEDIUM", t.ratingsOf(n).getJsonArray("ratings").getJsonObject(0).getString("confidence"));
  }

  @Test
  void aBareDigitAmongWordsWaitsForAPersonAndStaysOutOfTheFiguresUntilSettled() {
    t.clock.set(MONDAY_10);
    String n = t.closedTicket("13900000202", "hhht.urban");
    t.clock.set(MONDAY_10.plus(Duration.ofHours(2)));
    t.sms("13900000202", "4 路灯还是不亮");
    assertEquals("unparsed", outcome("13900000202"));
    assertEquals(0, ratings(n), "nothing in the figures yet");
    long id = inboundId("13900000202");
    Response listed = t.server.get("/api/inbound?status=unparsed", As.DISPATCHER);
    assertTrue(listed.json().getJsonArray("items").stream().anyMatch(o -> ((JsonObject) o).getLong("id") == id));

    t.clock.set(MONDAY_10.plus(Duration.ofDays(1)));
    Response byDepartment = t.server.postJson("/api/inbound/" + id + "/settle", new JsonObject()
        .put("decision", "rate").put("level", 4), "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", "hhht.urban");
    assertEquals(403, byDepartment.status(), byDepartment.body());
    assertEquals(400, settle(id, new JsonObject().put("decision", "rate")).status(), "a level is needed");
    Response s = settle(id, new JsonObject().put("decision", "rate").put("level", "不满意").put("note", "回复首字为4"));
    assertEquals(200, s.status(), s.body());
    assertEquals("settled", s.json().getString("status"));
    assertEquals("li.pd", s.json().getString("settled_by"));
    assertEquals(n, s.json().getString("ticket_number"));
    JsonObject r = t.ratingsOf(n).getJsonArray("ratings").getJsonObject(0);
    assertEquals("DISSATISFIED", r.getString("level"));
    assertEquals("SETTLED", r.getString("confidence"));
    assertEquals("li.pd", r.getString("settled_by"));
    assertEquals(MONDAY_10.plus(Duration.ofHours(2)).toString(), r.getString("created_at"), "as of its arrival");
    assertEquals("counted", r.getString("status"));
    assertEquals("CALLBACK_DUE", t.caseOf(n).getString("status"), "a settled 差评 opens its case too");
    assertTrue(t.actions(n).contains("RATE"));

    Response twice = settle(id, new JsonObject().put("decision", "dismiss"));
    assertEquals(409, twice.status(), twice.body());
    assertEquals("not_unparsed", twice.json().getString("error"));
    assertEquals(404, settle(999_999, new JsonObject().put("decision", "dismiss")).status());
  }

  @Test
  void anUnparsedReplyCanBeDismissedOrMadeATicketAndARatedRoundIsNotRatedTwice() {
    t.clock.set(MONDAY_10);
    String n = t.closedTicket("13900000203", "hhht.urban");
    t.sms("13900000203", "不太满意");
    long hedged = inboundId("13900000203");
    t.sms("13900000203", "路灯不亮了");
    long request = inboundId("13900000203");
    t.sms("13900000203", "2");
    assertEquals("rating", outcome("13900000203"));

    Response rated = settle(hedged, new JsonObject().put("decision", "rate").put("level", 4));
    assertEquals(409, rated.status(), rated.body());
    assertEquals("already_rated", rated.json().getString("error"));
    assertEquals("unparsed", text(t.server, "SELECT outcome FROM inbound_messages WHERE id = ?", hedged),
        "a refusal changes nothing");
    Response dismissed = settle(hedged, new JsonObject().put("decision", "dismiss").put("note", "已有评价"));
    assertEquals(200, dismissed.status(), dismissed.body());
    assertEquals("dismissed", dismissed.json().getString("status"));
    Response ticket = settle(request, new JsonObject().put("decision", "ticket"));
    assertEquals(200, ticket.status(), ticket.body());
    assertEquals("ticket", ticket.json().getString("status"));
    assertNotEquals(n, ticket.json().getString("ticket_number"));
    assertEquals(2, ticketsOf(t.server, "13900000203").size());
    assertEquals(1, ratings(n));
  }

  @Test
  void tdStopsThePromptsAtOnceAndRatingOnTheWebResumesThem() {
    t.clock.set(MONDAY_10);
    Response created = t.server.postJson("/api/complaints", new JsonObject().put("name", "王先生")
        .put("phone", "13900000204").put("request_type", "投诉").put("location", "赛罕区大学东街88号")
        .put("description", "工地夜间施工噪音扰民到凌晨"));
    assertEquals(201, created.status(), created.body());
    String n = created.json().getString("number");
    String code = created.json().getString("query_code");
    JsonObject page = t.server.get("/api/complaints/" + n + "?code=" + code).json();
    assertFalse(page.getJsonObject("rating").getBoolean("can_rate"));
    assertEquals(5, page.getJsonObject("rating").getJsonArray("levels").size());
    Response early = t.server.postJson("/api/complaints/" + n + "/rating", new JsonObject().put("code", code)
        .put("level", 2));
    assertEquals(409, early.status(), early.body());
    assertEquals("not_rateable", early.json().getString("error"));

    t.sms("13900000204", "TD");
    assertEquals("opt_out", outcome("13900000204"));
    assertEquals(1, ticketsOf(t.server, "13900000204").size(), "退订 is no new request");
    assertTrue(t.server.get("/api/rating-opt-outs/13900000204", As.OPERATOR).json().getBoolean("opted_out"));

    assertEquals(200, IntakeTesting.reply(t.server, n, "hhht.environment", "已责令停工").status());
    assertEquals(200, t.server.post("/api/tickets/" + n + "/actions/close", "", As.DISPATCHER)
        .status());
    assertFalse(t.sms(n).stream().anyMatch(m -> "rating-prompt".equals(((JsonObject) m).getString("kind"))),
        "no prompt SMS to a phone that opted out");

    // The round is open on the status page all the same; rating there resumes the prompts.
    page = t.server.get("/api/complaints/" + n + "?code=" + code).json();
    assertTrue(page.getJsonObject("rating").getBoolean("can_rate"), page.encode());
    assertEquals(404, t.server.postJson("/api/complaints/" + n + "/rating", new JsonObject().put("code", "AAAAAA")
        .put("level", 2)).status());
    Response rate = t.server.postJson("/api/complaints/" + n + "/rating", new JsonObject().put("code", code)
        .put("level", "不满意").put("comment", "晚上还在施工"));
    assertEquals(201, rate.status(), rate.body());
    assertEquals("DISSATISFIED", rate.json().getJsonObject("rating").getJsonObject("rated").getString("level"));
    assertFalse(rate.json().getJsonObject("rating").getBoolean("can_rate"));
    JsonObject r = t.ratingsOf(n).getJsonArray("ratings").getJsonObject(0);
    assertEquals("web", r.getString("source"));
    assertEquals("晚上还在施工", r.getString("comment"));
    assertEquals("CALLBACK_DUE", t.caseOf(n).getString("status"), "a web 差评 opens its case");
    JsonObject state = t.server.get("/api/rating-opt-outs/13900000204", As.OPERATOR).json();
    assertFalse(state.getBoolean("opted_out"));
    assertEquals("web", state.getJsonArray("history").getJsonObject(0).getString("via"));
    assertEquals("sms", state.getJsonArray("history").getJsonObject(1).getString("via"));

    // One rating per round, whichever channel: a second one on the web is refused, by SMS a duplicate.
    Response again = t.server.postJson("/api/complaints/" + n + "/rating", new JsonObject().put("code", code)
        .put("level", 1));
    assertEquals(409, again.status(), again.body());
    assertEquals("already_rated", again.json().getString("error"));
    t.sms("13900000204", "1");
    assertEquals("rating_duplicate", outcome("13900000204"));
    assertEquals("DISSATISFIED", text(t.server, "SELECT level FROM ratings r JOIN tickets t ON t.id = r.ticket_id "
        + "WHERE t.number = ? AND r.status = 'counted'", n));
  }

  @Test
  void anOperatorRecordsTheCitizensWishAndThePromptCarriesTheOptOutHint() {
    t.clock.set(MONDAY_10);
    Response off = t.server.postJson("/api/rating-opt-outs/139-0000-0205", new JsonObject().put("opted_out", true)
        .put("note", "来电要求不再发送评价短信"), "X-Hotline-Role", "OPERATOR", "X-Hotline-User", "wang.hf");
    assertEquals(200, off.status(), off.body());
    assertTrue(off.json().getBoolean("opted_out"));
    assertEquals("13900000205", off.json().getString("phone"));
    assertEquals("wang.hf", off.json().getJsonArray("history").getJsonObject(0).getString("actor"));
    String silent = t.closedTicket("13900000205", "hhht.urban");
    assertEquals(0, t.sms(silent).stream().filter(m -> "rating-prompt".equals(((JsonObject) m).getString("kind")))
        .count());
    Response on = t.server.postJson("/api/rating-opt-outs/13900000205", new JsonObject().put("opted_out", false),
        "X-Hotline-Role", "OPERATOR");
    assertFalse(on.json().getBoolean("opted_out"));
    String asked = t.closedTicket("13900000205", "hhht.urban");
    JsonObject prompt = t.sms(asked).stream().map(m -> (JsonObject) m)
        .filter(m -> "rating-prompt".equals(m.getString("kind"))).findFirst().orElseThrow();
    assertTrue(prompt.getString("text").contains("回复TD退订"), prompt.getString("text"));
    assertEquals(400, t.server.postJson("/api/rating-opt-outs/13900000205", new JsonObject(), "X-Hotline-Role",
        "OPERATOR").status());
  }
}
