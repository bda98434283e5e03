package org.open12345.hotline.followup;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.intake.IntakeTesting.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.intake.WebhookGuards;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/** 回访 after the reply: by phone and by SMS; it closes or reopens the ticket and gives the 解决率. */
class FollowUpTest {
  static final String[] OPERATOR = {"X-Hotline-Role", "OPERATOR", "X-Hotline-User", "zhao.hf"};
  static final String[] DISPATCHER = {"X-Hotline-Role", "DISPATCHER", "X-Hotline-User", "wang.pd"};
  static final String[] POWER = {"X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", "hhht.power"};
  static final AtomicInteger seq = new AtomicInteger();
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(config(), java.time.Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A power cut dispatched to hhht.power, signed and replied: due for its follow-up. */
  static String replied(String phone) {
    Response r = server.postJson("/api/tickets", new JsonObject().put("citizen_phone", phone)
        .put("request_type", "投诉").put("category_code", "020201").put("description", "小区停电"), As.OPERATOR);
    String n = r.json().getString("number");
    assertEquals(200, server.post("/api/tickets/" + n + "/actions/sign", "", POWER).status());
    Response replied = server.postJson("/api/tickets/" + n + "/actions/reply",
        new JsonObject().put("note", "已更换变压器，恢复供电"), POWER);
    assertEquals("REPLIED", replied.json().getString("status"), replied.body());
    return n;
  }

  static Response call(String number, String result, String... headers) {
    return server.postJson("/api/tickets/" + number + "/follow-ups",
        new JsonObject().put("method", "PHONE").put("result", result), headers);
  }

  static JsonObject ticket(String number) {
    return server.get("/api/tickets/" + number, As.DISPATCHER).json();
  }

  static JsonObject last(String number, String action) {
    JsonArray tl = ticket(number).getJsonArray("timeline");
    for (int i = tl.size() - 1; i >= 0; i--) {
      if (action.equals(tl.getJsonObject(i).getString("action"))) {
        return tl.getJsonObject(i);
      }
    }
    return null;
  }

  static void sms(String phone, String text) {
    String body = new JsonObject().put("phone_number", phone).put("content", text)
        .put("send_time", "2024-05-01 08:00:00").put("sequence_id", "f-" + seq.incrementAndGet()).encode();
    Response r = server.post("/webhooks/sms/aliyun", "[" + body + "]", WebhookGuards.HEADER, ALIYUN_SECRET);
    assertEquals(200, r.status(), r.body());
  }

  static String lastOutcome(String phone) {
    return text(server, "SELECT outcome FROM inbound_messages WHERE phone = ? ORDER BY id DESC LIMIT 1", phone);
  }

  @Test
  void aSolvedCallClosesTheTicketAndTheCitizenIsAskedToRate() {
    String n = replied("13500000001");
    Response r = call(n, "SOLVED", OPERATOR);
    assertEquals(201, r.status(), r.body());
    assertEquals("SOLVED", r.json().getString("conclusion"));
    assertEquals("CLOSED", r.json().getJsonObject("ticket").getString("status"));
    JsonObject logged = last(n, "FOLLOW_UP");
    assertEquals("zhao.hf", logged.getString("actor"));
    assertEquals("SOLVED", logged.getJsonObject("details").getString("result"));
    JsonObject close = last(n, "CLOSE");
    assertEquals("SYSTEM", close.getString("role"), "an operator may not close: the system carries it out");
    assertEquals(1, count(server, "SELECT count(*) FROM rating_prompts WHERE phone = '13500000001'"));
  }

  @Test
  void notSolvedReopensTheTicketInTheRecordersName() {
    String n = replied("13500000002");
    Response r = call(n, "未解决", DISPATCHER);
    assertEquals(201, r.status(), r.body());
    assertEquals("REOPENED", r.json().getJsonObject("ticket").getString("status"));
    JsonObject reopen = last(n, "REOPEN");
    assertEquals("wang.pd", reopen.getString("actor"));
    assertEquals("回访未解决", reopen.getJsonObject("details").getString("reason"));
  }

  @Test
  void theCitizenIsUnreachableAfterTheConfiguredTriesAndTheTicketCloses() {
    String n = replied("13500000003");
    for (int i = 1; i <= 2; i++) {
      Response r = call(n, "NO_ANSWER", OPERATOR);
      assertEquals(201, r.status(), r.body());
      assertNull(r.json().getString("conclusion"));
      assertEquals("REPLIED", r.json().getJsonObject("ticket").getString("status"), "try " + i);
      assertEquals(i, last(n, "FOLLOW_UP").getJsonObject("details").getInteger("unanswered_tries"));
    }
    Response third = call(n, "NO_ANSWER", OPERATOR);
    assertEquals("UNREACHABLE", third.json().getString("conclusion"));
    assertEquals("CLOSED", third.json().getJsonObject("ticket").getString("status"));
    assertEquals(3, server.get("/api/tickets/" + n + "/follow-ups", As.DISPATCHER).json().getJsonArray("items")
        .size());
  }

  @Test
  void aFollowUpComesOnlyAfterTheReplyAndOnlyFromTheCentre() {
    Response dispatched = server.postJson("/api/tickets", new JsonObject().put("citizen_phone", "13500000004")
        .put("request_type", "投诉").put("category_code", "020201").put("description", "停电"), As.OPERATOR);
    String n = dispatched.json().getString("number");
    Response early = call(n, "SOLVED", OPERATOR);
    assertEquals(409, early.status(), early.body());
    assertEquals("follow_up_not_due", early.json().getString("error"));
    String r = replied("13500000005");
    Response department = call(r, "SOLVED", POWER);
    assertEquals(403, department.status(), department.body());
    Response bad = call(r, "maybe", OPERATOR);
    assertEquals(400, bad.status(), bad.body());
    assertEquals("result", bad.json().getJsonObject("details").getString("field"));
    Response smsWithResult = server.postJson("/api/tickets/" + r + "/follow-ups",
        new JsonObject().put("method", "SMS").put("result", "SOLVED"), OPERATOR);
    assertEquals(400, smsWithResult.status());
    assertEquals(404, call("20990101000001", "SOLVED", OPERATOR).status());
    assertEquals(0, count(server, "SELECT count(*) FROM follow_ups f JOIN tickets t ON t.id = f.ticket_id "
        + "WHERE t.number IN (?, ?)", n, r), "nothing half-done");
  }

  @Test
  void anSmsQuestionIsAnsweredByTheCitizensReply() {
    String n = replied("13500000006");
    Response asked = server.postJson("/api/tickets/" + n + "/follow-ups", new JsonObject().put("method", "SMS"),
        OPERATOR);
    assertEquals(201, asked.status(), asked.body());
    assertNull(asked.json().getString("result"));
    assertTrue(outboxOf(server, n).stream().map(o -> (JsonObject) o).anyMatch(m ->
        "follow-up-question".equals(m.getString("kind")) && m.getString("text").contains(n)
            && m.getString("text").contains("1已解决 2未解决")));
    Response twice = server.postJson("/api/tickets/" + n + "/follow-ups", new JsonObject().put("method", "SMS"),
        OPERATOR);
    assertEquals(409, twice.status(), twice.body());
    assertEquals("question_pending", twice.json().getString("error"));

    sms("13500000006", "2 还没解决");
    assertEquals("follow_up", lastOutcome("13500000006"));
    assertEquals("REOPENED", ticket(n).getString("status"));
    JsonObject logged = last(n, "FOLLOW_UP");
    assertEquals("CITIZEN", logged.getString("role"));
    assertEquals("SMS", logged.getJsonObject("details").getString("method"));
    assertEquals("NOT_SOLVED", logged.getJsonObject("details").getString("conclusion"));
  }

  @Test
  void afterASolvedSmsAnswerTheNextDigitRatesTheClosedTicket() {
    String n = replied("13500000007");
    server.postJson("/api/tickets/" + n + "/follow-ups", new JsonObject().put("method", "SMS"), DISPATCHER);
    sms("13500000007", "1");
    assertEquals("CLOSED", ticket(n).getString("status"));
    assertEquals("wang.pd", text(server, "SELECT recorded_by FROM follow_ups f JOIN tickets t ON t.id = f.ticket_id "
        + "WHERE t.number = ?", n));
    sms("13500000007", "1");
    assertEquals("rating", lastOutcome("13500000007"), "the rating prompt is now the newest question");
  }

  @Test
  void anUnclearAnswerIsKeptForAPersonAndDecidesNothing() {
    String n = replied("13500000008");
    server.postJson("/api/tickets/" + n + "/follow-ups", new JsonObject().put("method", "SMS"), OPERATOR);
    sms("13500000008", "好");
    assertEquals("unparsed", lastOutcome("13500000008"));
    assertEquals("REPLIED", ticket(n).getString("status"));
  }

  /**
   * A request from a phone whose follow-up question is open: the question is the newest thing the
   * phone was asked, so a short one is kept for a person; one too long for any answer is a new
   * ticket; and a long text that is still a clear answer (mostly punctuation) answers it.
   */
  @Test
  void whileTheQuestionIsOpenAShortRequestWaitsForAPersonAndALongOneIsATicket() {
    String phone = "13500000021";
    String n = replied(phone);
    server.postJson("/api/tickets/" + n + "/follow-ups", new JsonObject().put("method", "SMS"), OPERATOR);
    sms(phone, "小区门口的路灯坏了三天了");
    assertEquals("unparsed", lastOutcome(phone));
    assertEquals("REPLIED", ticket(n).getString("status"));
    assertEquals(1, count(server, "SELECT count(*) FROM tickets WHERE citizen_phone = ?", phone));
    sms(phone, "小区门口的路灯坏了三天了，晚上出行很不方便，之前反映过一次还是没有修好，希望有关部门尽快安排人员维修");
    assertEquals("ticket", lastOutcome(phone));
    assertEquals(2, count(server, "SELECT count(*) FROM tickets WHERE citizen_phone = ?", phone));
    assertEquals("REPLIED", ticket(n).getString("status"));
    sms(phone, "1" + "。".repeat(45));
    assertEquals("follow_up", lastOutcome(phone));
    assertEquals("CLOSED", ticket(n).getString("status"));
  }

  @Test
  void resolutionRateCountsReachedTicketsOnce() {
    TestServer own = TestServer.start(config(), java.time.Clock.systemUTC());
    TestServer saved = server;
    try {
      // The helpers talk to `server`: a server of its own, so other tests' follow-ups do not count.
      server = own;
      String a = replied("13500000011");
      String b = replied("13500000012");
      String c = replied("13500000013");
      call(a, "SOLVED", OPERATOR);
      call(b, "NOT_SOLVED", DISPATCHER);
      for (int i = 0; i < 3; i++) {
        call(c, "NO_ANSWER", OPERATOR);
      }
      JsonObject f = own.get("/api/follow-ups/figures", As.SUPERVISOR).json();
      assertEquals(2, f.getLong("reached"));
      assertEquals(1, f.getLong("solved"));
      assertEquals(1, f.getLong("unreachable"));
      assertEquals(0.5, f.getDouble("resolution_rate"));
      assertTrue(f.getString("definition").startsWith("解决率"));
      JsonObject other = own.get("/api/follow-ups/figures?department=hhht.water", As.SUPERVISOR).json();
      assertEquals(0, other.getLong("reached"));
      assertNull(other.getDouble("resolution_rate"));
    } finally {
      server = saved;
      own.close();
    }
  }
}
