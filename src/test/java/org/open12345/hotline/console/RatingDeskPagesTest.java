package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.console.ConsoleTesting.*;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.intake.IntakeTesting;
import org.open12345.hotline.intake.WebhookGuards;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * The desks' rating work (差评 cases, appeals), 协办 and the reveal of a confidential contact:
 * the lists link to the ticket page, whose forms act through the evaluation, handling and ticket
 * services and offer only what this person may do.
 */
class RatingDeskPagesTest {
  static final String[] HEAT = departmentPerson("wu.heat", "hhht.heating");
  static final String[] POWER = departmentPerson("li.power2", "hhht.power");
  static final String[] WATER = departmentPerson("zhou.water2", "hhht.water");
  static final String[] SUPERVISOR = person("zhao.sup", "SUPERVISOR");
  static final String[] DISPATCHER = person("wang.disp", "DISPATCHER");
  static final AtomicInteger SEQ = new AtomicInteger();
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(IntakeTesting.config(), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A ticket of {@code phone} with {@code department}, replied and closed; the citizen replies by SMS. */
  static String ratedTicket(String phone, String department, String reply) {
    String number = ticket(server, new JsonObject().put("citizen_phone", phone).put("citizen_name", "钱女士")
        .put("request_type", "投诉").put("description", "暖气不热，室温只有15度"));
    assertEquals(200, IntakeTesting.reply(server, number, department, "已派人检修").status());
    assertEquals(200, server.post("/api/tickets/" + number + "/actions/close", "", As.DISPATCHER).status());
    String body = new JsonObject().put("phone_number", phone).put("content", reply)
        .put("send_time", "2026-03-02 10:00:00").put("sequence_id", "desk-" + SEQ.incrementAndGet()).encode();
    Response r = server.post("/webhooks/sms/aliyun", "[" + body + "]", WebhookGuards.HEADER, IntakeTesting.ALIYUN_SECRET);
    assertEquals(200, r.status(), r.body());
    return number;
  }

  static long caseOf(String number) {
    return server.get("/api/tickets/" + number + "/ratings", As.DISPATCHER).json().getJsonArray("cases")
        .getJsonObject(0).getLong("id");
  }

  static long ratingOf(String number) {
    return server.get("/api/tickets/" + number + "/ratings", As.DISPATCHER).json().getJsonArray("ratings")
        .getJsonObject(0).getLong("id");
  }

  @Test
  void theCentresCaseCallbacksAreInTheOperatorsCallbackListAndLeaveItOnceMade() {
    String[] operator = person("sun.op", "OPERATOR");
    String n = ratedTicket("13700000031", "hhht.power", "不满意，停电问题没人管");
    long id = caseOf(n);
    String heat = ratedTicket("13700000032", "hhht.heating", "不满意，暖气依旧不热");
    long heatCase = caseOf(heat);
    Response list = server.get("/console/operator/callbacks", operator);
    assertEquals(200, list.status(), list.body());
    assertTrue(list.body().contains("id=\"case-callback-" + id + "\"") && list.body().contains("/tickets/" + n
        + "#case-" + id), "the centre's 48 h callback is on the operator's list: " + list.body());
    assertFalse(list.body().contains("id=\"case-callback-" + heatCase + "\""), "heating calls back itself");
    assertTrue(server.get("/tickets/" + n, operator).body().contains("id=\"form-callback-" + id + "\""),
        "the operator makes it on the ticket page");
    Response done = form(server, "/tickets/" + n + "/rating-cases/" + id + "/callback", Map.of("csrf_token",
        csrf(server, operator), "reached", "yes", "attempts", "1", "founded", "no",
        "citizen_account", "已恢复供电，只是不满意等待时间"), operator);
    assertEquals(303, done.status(), done.body());
    assertFalse(server.get("/console/operator/callbacks", operator).body().contains("id=\"case-callback-" + id + "\""));
  }

  @Test
  void aDepartmentThatCallsBackSeesItsCaseAndCallsItBackOnTheTicketPage() {
    String n = ratedTicket("13700000001", "hhht.heating", "不满意，暖气还是不热");
    long id = caseOf(n);
    Response list = server.get("/console/department/cases", HEAT);
    assertEquals(200, list.status(), list.body());
    assertTrue(list.body().contains("/tickets/" + n + "#case-" + id) && list.body().contains("待回访核实"),
        list.body());
    assertTrue(list.body().contains("id=\"todo-" + id + "\">回访核实"), "its next step is the callback");
    String page = server.get("/tickets/" + n, HEAT).body();
    assertTrue(page.contains("id=\"ratings\"") && page.contains("不满意，暖气还是不热"), "the rating with its text");
    assertTrue(page.contains("id=\"form-callback-" + id + "\""), "departments.yaml: heating calls back itself");
    assertFalse(page.contains("id=\"form-fix-" + id + "\""), "no fix before the callback");
    assertFalse(page.contains("id=\"form-close-case-" + id + "\""), "closing is the supervisor's");

    // Reached but no account of what the citizen said: refused, the page again with what was typed.
    Response refused = form(server, "/tickets/" + n + "/rating-cases/" + id + "/callback", Map.of("csrf_token",
        csrf(server, HEAT), "reached", "yes", "attempts", "1", "founded", "yes", "note", "下午已回访"), HEAT);
    assertEquals(400, refused.status(), refused.body());
    assertTrue(refused.body().contains("citizen_account") && refused.body().contains("value=\"下午已回访\""),
        refused.body());

    Response done = form(server, "/tickets/" + n + "/rating-cases/" + id + "/callback", Map.of("csrf_token",
        csrf(server, HEAT), "reached", "yes", "attempts", "1", "founded", "yes",
        "citizen_account", "室温仍不足18度", "return_to", "/console/department/cases"), HEAT);
    assertEquals(303, done.status(), done.body());
    assertEquals("/console/department/cases?done=case_callback", done.header("Location"));
    JsonObject c = server.get("/api/rating-cases/" + id, As.DISPATCHER).json();
    assertEquals("FIX_DUE", c.getString("status"), c.encode());
    String after = server.get("/tickets/" + n + "?done=case_callback", HEAT).body();
    assertTrue(after.contains("已登记回访核实。") && after.contains("id=\"form-fix-" + id + "\""), after);
    assertTrue(after.contains("差评回访核实") && after.contains("室温仍不足18度"), "the timeline names the step");

    Response fixed = form(server, "/tickets/" + n + "/rating-cases/" + id + "/fix", Map.of("csrf_token",
        csrf(server, HEAT), "text", "已更换换热站循环泵"), HEAT);
    assertEquals(303, fixed.status(), fixed.body());
    String sup = server.get("/console/supervisor/cases", SUPERVISOR).body();
    assertTrue(sup.contains("id=\"todo-" + id + "\">办结"), "the supervisor closes it: " + sup);
    Response closed = form(server, "/tickets/" + n + "/rating-cases/" + id + "/close", Map.of("csrf_token",
        csrf(server, SUPERVISOR)), SUPERVISOR);
    assertEquals(303, closed.status(), closed.body());
    assertEquals("CLOSED", server.get("/api/rating-cases/" + id, As.DISPATCHER).json().getString("status"));
    String timeline = server.get("/tickets/" + n, SUPERVISOR).body();
    timeline = timeline.substring(timeline.indexOf("id=\"timeline\""));
    assertTrue(timeline.contains("差评件办结") && timeline.contains("原因：核实办结"), timeline);
    assertFalse(timeline.contains("CONCLUDED") || timeline.contains("原因：dispatch"), "no raw codes: " + timeline);
  }

  @Test
  void theCentreCallsBackForADepartmentThatDoesNotAndTheDepartmentIsNotOfferedIt() {
    String n = ratedTicket("13700000002", "hhht.power", "非常不满意");
    long id = caseOf(n);
    assertFalse(server.get("/tickets/" + n, POWER).body().contains("id=\"form-callback-" + id + "\""));
    Response forged = form(server, "/tickets/" + n + "/rating-cases/" + id + "/callback", Map.of("csrf_token",
        csrf(server, POWER), "reached", "yes", "attempts", "1", "founded", "no", "citizen_account", "x"), POWER);
    assertEquals(403, forged.status(), "the service refuses what the page does not offer");
    assertTrue(server.get("/console/supervisor/cases", DISPATCHER).body().contains("id=\"todo-" + id + "\">回访核实"));
    assertTrue(server.get("/tickets/" + n, DISPATCHER).body().contains("id=\"form-callback-" + id + "\""));
    assertFalse(server.get("/tickets/" + n, WATER).status() == 200, "another department's ticket is not found");
  }

  @Test
  void aDepartmentAppealsABadRatingAndTheSupervisorUpholdsIt() {
    String n = ratedTicket("13700000003", "hhht.power", "不满意");
    long rating = ratingOf(n);
    Response list = server.get("/console/department/appeals", POWER);
    assertTrue(list.body().contains("id=\"appeal-" + rating + "\""), list.body());
    assertTrue(server.get("/tickets/" + n, POWER).body().contains("id=\"form-appeal-" + rating + "\""));
    Response appealed = form(server, "/tickets/" + n + "/ratings/" + rating + "/appeal", Map.of("csrf_token",
        csrf(server, POWER), "reason", "诉求人对停电原因理解有误", "evidence", "通话录音 0302-1"), POWER);
    assertEquals(303, appealed.status(), appealed.body());
    assertTrue(server.get("/console/department/appeals", POWER).body().contains("待复核"));
    Response again = form(server, "/tickets/" + n + "/ratings/" + rating + "/appeal", Map.of("csrf_token",
        csrf(server, POWER), "reason", "再次申诉"), POWER);
    assertEquals(409, again.status(), "once per rating");

    assertTrue(server.get("/console/supervisor/appeals", SUPERVISOR).body().contains("id=\"decide-" + rating + "\""));
    assertTrue(server.get("/tickets/" + n, SUPERVISOR).body().contains("id=\"form-decision-" + rating + "\""));
    assertFalse(server.get("/tickets/" + n, DISPATCHER).body().contains("id=\"form-decision-" + rating + "\""),
        "deciding is the supervisor's");
    Response decided = form(server, "/tickets/" + n + "/ratings/" + rating + "/decision", Map.of("csrf_token",
        csrf(server, SUPERVISOR), "uphold", "yes", "reason", "经调取录音核实"), SUPERVISOR);
    assertEquals(303, decided.status(), decided.body());
    String page = server.get("/tickets/" + n, SUPERVISOR).body();
    assertTrue(page.contains("申诉成立") && page.contains("已剔除"), page);
    assertFalse(server.get("/console/supervisor/appeals", SUPERVISOR).body().contains("id=\"decide-" + rating + "\""));
  }

  @Test
  void aCoDepartmentFindsTheTicketOnItsDeskReadsItAndAddsItsNote() {
    String n = ticket(server, powerCut("13700000004", "停电导致水泵停运，小区停水"));
    Response dispatched = server.postJson("/api/tickets/" + n + "/actions/dispatch", new JsonObject()
        .put("department_id", "hhht.power").put("co_department_ids", new io.vertx.core.json.JsonArray().add("hhht.water")),
        As.DISPATCHER);
    assertEquals(200, dispatched.status(), dispatched.body());
    assertTrue(server.get("/console/department/co", WATER).body().contains("/tickets/" + n));
    String page = server.get("/tickets/" + n, WATER).body();
    assertTrue(page.contains("id=\"form-co-note\"") && page.contains("id=\"form-co-answer\""), page);
    assertTrue(page.contains("id=\"no-actions\""), "the lead's actions are not the co-department's");
    Response noted = form(server, "/tickets/" + n + "/co-departments/notes", Map.of("csrf_token",
        csrf(server, WATER), "note", "已安排应急送水车"), WATER);
    assertEquals(303, noted.status(), noted.body());
    String lead = server.get("/tickets/" + n, POWER).body();
    assertTrue(lead.contains("协办意见") && lead.contains("已安排应急送水车"), "the lead reads the note in the timeline");
    assertFalse(lead.contains("id=\"form-co-note\""), "the lead does not write co-department notes");
  }

  @Test
  void aDepartmentRevealsAConfidentialContactWithAReason() {
    String n = ticket(server, powerCut("13700000005", "举报窃电").put("confidential", true));
    String page = server.get("/tickets/" + n, POWER).body();
    assertFalse(page.contains("13700000005"), "masked for the department");
    assertTrue(page.contains("id=\"form-reveal\""));
    Response noReason = form(server, "/tickets/" + n + "/reveal", Map.of("csrf_token", csrf(server, POWER),
        "reason", " "), POWER);
    assertEquals(400, noReason.status());
    Response shown = form(server, "/tickets/" + n + "/reveal", Map.of("csrf_token", csrf(server, POWER),
        "reason", "需上门核实窃电线路"), POWER);
    assertEquals(200, shown.status(), shown.body());
    assertTrue(shown.body().contains("id=\"revealed\">赵先生 13700000005"), shown.body());
    String again = server.get("/tickets/" + n, POWER).body();
    assertFalse(again.contains("13700000005"), "a reload masks it again");
    assertTrue(again.contains("查看联系方式") && again.contains("需上门核实窃电线路"), "the reveal is in the timeline");
    assertFalse(server.get("/tickets/" + n, DISPATCHER).body().contains("id=\"form-reveal\""),
        "the centre sees contacts in clear, nothing to reveal");
  }

  @Test
  void theSupervisorListsSuperviseAndEscalateStepsApart() {
    Response tabs = server.get("/console/supervisor", SUPERVISOR);
    assertTrue(tabs.body().contains("href=\"/console/supervisor?tab=steps&amp;kind=supervise\" id=\"tab-supervise\"")
        && tabs.body().contains("href=\"/console/supervisor?tab=steps&amp;kind=escalate\" id=\"tab-escalate\""),
        "the tabs name the step, the ladder gives its levels: " + tabs.body());
    Response supervise = server.get("/console/supervisor?tab=steps&kind=supervise", SUPERVISOR);
    assertEquals(200, supervise.status(), supervise.body());
    assertTrue(supervise.body().contains("id=\"tab-supervise\" class=\"current\""), supervise.body());
    assertTrue(supervise.body().contains("name=\"kind\" value=\"supervise\""), "the filter keeps the tab");
    Response escalate = server.get("/console/supervisor?tab=steps&kind=escalate", SUPERVISOR);
    assertTrue(escalate.body().contains("id=\"tab-escalate\" class=\"current\"") && escalate.body().contains("还没有通报记录"));
  }
}
