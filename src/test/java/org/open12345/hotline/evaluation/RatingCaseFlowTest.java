package org.open12345.hotline.evaluation;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.evaluation.RatingTesting.MONDAY_10;
import static org.open12345.hotline.evaluation.RatingTesting.OPERATOR;
import static org.open12345.hotline.evaluation.RatingTesting.SUPERVISOR;
import static org.open12345.hotline.evaluation.RatingTesting.department;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.intake.IntakeTesting;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * The 差评 follow-up on simulated time (issue 11, seed article 34): an SMS 差评 opens a case in the
 * rating's transaction; its 48-hour callback and 15-day fix are deadlines on the escalation ladder,
 * fired once each and shown with the ticket's deadlines; the callback, the fix (the citizen is told
 * and rates again) and the close move it, each by whoever may.
 */
class RatingCaseFlowTest {
  static RatingTesting t;

  @BeforeAll
  static void start() {
    t = new RatingTesting();
  }

  @AfterAll
  static void stop() {
    t.close();
  }



  static JsonObject deadline(String number, String kind) {
    Response r = t.server.get("/api/tickets/" + number + "/deadlines", As.DISPATCHER);
    assertEquals(200, r.status(), r.body());
    for (Object o : r.json().getJsonArray("deadlines")) {
      JsonObject d = (JsonObject) o;
      if (d.getString("kind").equals(kind)) {
        return d;
      }
    }
    throw new AssertionError("no " + kind + " deadline in " + r.body());
  }

  @Test
  void anSmsBadRatingIsCalledBackOnTheLadderFixedAndRatedAgain() {
    t.clock.set(MONDAY_10);
    String n = t.closedTicket("13900000001", "hhht.gas");
    Instant rated = MONDAY_10.plus(Duration.ofHours(1));
    t.clock.set(rated);
    t.sms("13900000001", "4");

    // The 差评 opened its case in the rating's transaction; the centre makes the callback.
    JsonObject c = t.caseOf(n);
    long id = c.getLong("id");
    assertEquals("CALLBACK_DUE", c.getString("status"));
    assertEquals("CENTRE", c.getString("callback_by"));
    assertEquals("hhht.gas", c.getString("department_id"));
    assertEquals(rated.plus(Duration.ofHours(48)).toString(), c.getString("callback_due_at"));
    assertEquals(rated.plus(Duration.ofDays(15)).toString(), c.getString("fix_due_at"));
    JsonObject rating = t.ratingsOf(n).getJsonArray("ratings").getJsonObject(0);
    assertEquals("DISSATISFIED", rating.getString("level"));
    assertEquals(id, rating.getLong("case_id"));
    assertEquals(1, rating.getInteger("round"));
    assertEquals("4", rating.getString("raw_text"));
    assertEquals("HIGH", rating.getString("confidence"));

    // Both limits are deadlines shown with the ticket's own, and planned on the ladder.
    JsonObject callback = deadline(n, "CALLBACK");
    assertEquals("open", callback.getString("state"));
    assertEquals("rating_case", callback.getJsonObject("case").getString("owner"));
    assertNull(callback.getJsonObject("case").getString("acting_department_id"), "the centre calls back");
    assertEquals(rated.plus(Duration.ofHours(24)).toString(), callback.getString("warn_at"));
    assertEquals("hhht.gas", deadline(n, "FIX").getJsonObject("case").getString("acting_department_id"));
    String k = "rating_case:" + id;
    assertEquals(List.of(k + ":CALLBACK:REMIND", k + ":CALLBACK:SUPERVISE", k + ":CALLBACK:ESCALATE",
        k + ":FIX:REMIND", k + ":FIX:SUPERVISE", k + ":FIX:ESCALATE"), t.steps(id, "planned"));

    // The 48-hour callback's reminder fires at half time, once, addressed to the supervisors.
    t.fire(rated.plus(Duration.ofHours(24)).minusSeconds(1));
    assertEquals(List.of(), t.steps(id, "fired"));
    t.fire(rated.plus(Duration.ofHours(24)));
    assertEquals(List.of(k + ":CALLBACK:REMIND"), t.steps(id, "fired"));
    t.fire(rated.plus(Duration.ofHours(24)));
    assertEquals(List.of(k + ":CALLBACK:REMIND"), t.steps(id, "fired"), "a second round fires nothing again");
    String mail = IntakeTesting.text(t.server, "SELECT text_body FROM outbox WHERE dedupe_key = ?",
        "step:" + k + ":CALLBACK:REMIND:mail:duban@example.gov.cn");
    assertNotNull(mail, "the centre's callback is the supervisors' to chase");
    assertTrue(mail.contains(n) && mail.contains("差评回访核实"), mail);
    assertTrue(t.actions(n).contains("REMIND"));

    // A fix before the callback, or a callback by a department the rule files do not name: refused, nothing changed.
    Response early = t.caseAction(id, "fix", new JsonObject().put("fix", "已更换灯泡"), department("hhht.gas"));
    assertEquals(409, early.status(), early.body());
    assertEquals("callback_first", early.json().getString("error"));
    Response byDept = t.caseAction(id, "callback", new JsonObject().put("reached", true)
        .put("citizen_account", "路灯仍不亮").put("founded", true), department("hhht.gas"));
    assertEquals(403, byDept.status(), byDept.body());
    assertEquals("CALLBACK_DUE", t.caseOf(n).getString("status"));

    // The centre calls back within 48 h: founded, so the department fixes it.
    t.clock.set(rated.plus(Duration.ofHours(30)));
    Response cb = t.caseAction(id, "callback", new JsonObject().put("reached", true).put("attempts", 1)
        .put("citizen_account", "路灯修好一天又坏了").put("founded", true), OPERATOR);
    assertEquals(200, cb.status(), cb.body());
    assertEquals("FIX_DUE", cb.json().getString("status"));
    assertEquals("wang.hf", cb.json().getString("called_back_by"));
    assertEquals("met", deadline(n, "CALLBACK").getString("state"));
    assertEquals(List.of(k + ":CALLBACK:SUPERVISE", k + ":CALLBACK:ESCALATE"), t.steps(id, "cancelled"));
    Response again = t.caseAction(id, "callback", new JsonObject().put("reached", true)
        .put("citizen_account", "x").put("founded", false), OPERATOR);
    assertEquals(409, again.status(), again.body());

    // Another department does not see the case at all; the case's own department fixes it.
    assertEquals(404, t.caseAction(id, "fix", new JsonObject().put("fix", "x"), department("hhht.water")).status());
    assertEquals(404, t.server.get("/api/rating-cases/" + id, department("hhht.water")).status());
    t.clock.set(rated.plus(Duration.ofDays(3)));
    Response fix = t.caseAction(id, "fix", new JsonObject().put("fix", "已更换整条线路的路灯并加装漏电保护"),
        department("hhht.gas"));
    assertEquals(200, fix.status(), fix.body());
    assertEquals("FIXED", fix.json().getString("status"));
    assertEquals("met", deadline(n, "FIX").getString("state"));
    assertEquals(List.of(), t.steps(id, "planned"), "nothing left to chase");

    // The citizen is told what was done and invited to rate again; the new rating sits beside the old.
    JsonObject told = t.sms(n).stream().map(o -> (JsonObject) o)
        .filter(m -> "rating-case-fixed".equals(m.getString("kind"))).findFirst().orElseThrow();
    assertEquals("13900000001", told.getString("recipient"));
    assertTrue(told.getString("text").contains("已更换整条线路的路灯") && told.getString("text").contains("再次评价"),
        told.getString("text"));
    t.sms("13900000001", "2");
    JsonArray ratings = t.ratingsOf(n).getJsonArray("ratings");
    assertEquals(2, ratings.size(), ratings.encode());
    assertEquals("DISSATISFIED", ratings.getJsonObject(0).getString("level"));
    assertEquals("SATISFIED", ratings.getJsonObject(1).getString("level"));
    assertEquals(2, ratings.getJsonObject(1).getInteger("round"));
    assertEquals("counted", ratings.getJsonObject(1).getString("status"));

    // A supervisor closes; the department may not; a closed case takes nothing more.
    assertEquals(403, t.caseAction(id, "close", new JsonObject(), department("hhht.gas")).status());
    Response closed = t.caseAction(id, "close", new JsonObject().put("note", "整改到位"), SUPERVISOR);
    assertEquals(200, closed.status(), closed.body());
    assertEquals("CLOSED", closed.json().getString("status"));
    assertEquals("CONCLUDED", closed.json().getString("close_reason"));
    Response late = t.caseAction(id, "explain", new JsonObject().put("explanation", "x"), SUPERVISOR);
    assertEquals(409, late.status(), late.body());
    assertEquals("case_closed", late.json().getString("error"));
    assertTrue(t.actions(n).containsAll(List.of("RATE", "BAD_RATING", "RATING_CASE_OPENED", "REMIND",
        "RATING_CASE_CALLBACK", "RATING_CASE_FIXED", "RATING_CASE_CLOSED")), t.actions(n).toString());

    Response listed = t.server.get("/api/rating-cases?status=CLOSED&department=hhht.gas", As.SUPERVISOR);
    assertEquals(200, listed.status(), listed.body());
    assertTrue(listed.json().getJsonArray("items").stream()
        .anyMatch(o -> ((JsonObject) o).getLong("id") == id && n.equals(((JsonObject) o).getString("ticket_number"))));
  }

  @Test
  void aMissedCallbackClimbsTheWholeLadderEachStepOnce() {
    t.clock.set(MONDAY_10);
    String n = t.closedTicket("13900000002", "hhht.housing");
    t.sms("13900000002", "非常不满意");
    long id = t.caseOf(n).getLong("id");
    String k = "rating_case:" + id;
    t.fire(MONDAY_10.plus(Duration.ofHours(73)));
    assertEquals(List.of(k + ":CALLBACK:REMIND", k + ":CALLBACK:SUPERVISE", k + ":CALLBACK:ESCALATE"),
        t.steps(id, "fired"));
    t.fire(MONDAY_10.plus(Duration.ofHours(73)));
    assertEquals(3, t.steps(id, "fired").size(), "exactly once");
    t.clock.set(MONDAY_10.plus(Duration.ofHours(73)));
    assertEquals("missed", deadline(n, "CALLBACK").getString("state"));
    // The centre's callback is nobody else's fault: no 通报 mark, and every notice goes to the supervisors.
    assertEquals("0", IntakeTesting.text(t.server, "SELECT count(*) FROM escalation_steps WHERE plan = ? "
        + "AND deadline_kind = 'CALLBACK' AND (circulate OR department_id IS NOT NULL)", k));
    // The fix's steps concern the department, marked for 通报 at the end.
    assertEquals("hhht.housing", IntakeTesting.text(t.server, "SELECT department_id FROM escalation_steps "
        + "WHERE key = ?", k + ":FIX:ESCALATE"));
    Response esc = t.server.get("/api/escalations?level=2", As.SUPERVISOR);
    assertEquals(200, esc.status(), esc.body());
    assertTrue(esc.json().getJsonArray("items").stream()
        .anyMatch(o -> (k + ":CALLBACK:ESCALATE").equals(((JsonObject) o).getString("key"))));
  }

  @Test
  void severalBadRatingsOnOneTicketMakeOneCase() {
    t.clock.set(MONDAY_10);
    String n = t.closedTicket("13900000003", "hhht.transport");
    t.sms("13900000003", "4");
    long id = t.caseOf(n).getLong("id");
    // The centre reopens it (重办), the department replies again, the second close asks again: 5.
    assertEquals(200, t.server.post("/api/tickets/" + n + "/actions/reopen", "", "X-Hotline-Role", "DISPATCHER")
        .status());
    assertEquals(200, t.server.post("/api/tickets/" + n + "/actions/sign", "", department("hhht.transport")).status());
    assertEquals(200, t.server.postJson("/api/tickets/" + n + "/actions/reply", new JsonObject().put("note", "再次处理"),
        department("hhht.transport")).status());
    assertEquals(200, t.server.post("/api/tickets/" + n + "/actions/close", "", "X-Hotline-Role", "DISPATCHER")
        .status());
    t.sms("13900000003", "5");
    JsonObject c = t.caseOf(n);
    assertEquals(id, c.getLong("id"));
    assertEquals(2, c.getJsonArray("rating_ids").size());
    assertTrue(t.actions(n).contains("RATING_CASE_JOINED"));
    assertEquals(6, t.steps(id, "planned").size(), "the case's plan is unchanged: its limits count from the first 差评");
  }

  @Test
  void aDepartmentTheRuleFilesNameCallsBackAndExplainsAClaimWithoutBasis() {
    t.clock.set(MONDAY_10);
    String n = t.closedTicket("13900000004", "hhht.heating");
    t.sms("13900000004", "不满意，暖气还是不热");
    JsonObject c = t.caseOf(n);
    long id = c.getLong("id");
    assertEquals("DEPARTMENT", c.getString("callback_by"), "departments.yaml: rating_callback: department");
    assertEquals("hhht.heating", deadline(n, "CALLBACK").getJsonObject("case").getString("acting_department_id"));
    assertEquals("hhht.heating", IntakeTesting.text(t.server, "SELECT department_id FROM escalation_steps WHERE key = ?",
        "rating_case:" + id + ":CALLBACK:SUPERVISE"));

    Response tooFew = t.caseAction(id, "callback", new JsonObject().put("reached", false).put("attempts", 1)
        .put("founded", false), department("hhht.heating"));
    assertEquals(400, tooFew.status(), tooFew.body());
    assertEquals("attempts", tooFew.json().getJsonObject("details").getString("field"));
    Response cb = t.caseAction(id, "callback", new JsonObject().put("reached", false).put("attempts", 3)
        .put("founded", false).put("note", "三次未接通；测温记录室温20度"), department("hhht.heating"));
    assertEquals(200, cb.status(), cb.body());
    assertEquals("EXPLANATION_DUE", cb.json().getString("status"));
    Response fix = t.caseAction(id, "fix", new JsonObject().put("fix", "x"), department("hhht.heating"));
    assertEquals(409, fix.status(), fix.body());
    assertEquals("explanation_due", fix.json().getString("error"));
    Response ex = t.caseAction(id, "explain", new JsonObject().put("explanation", "经入户测温，室温20度，符合供热标准"),
        department("hhht.heating"));
    assertEquals(200, ex.status(), ex.body());
    assertEquals("EXPLAINED", ex.json().getString("status"));
    assertTrue(t.sms(n).stream().map(o -> (JsonObject) o)
        .anyMatch(m -> "rating-case-explained".equals(m.getString("kind")) && m.getString("text").contains("符合供热标准")));
    assertEquals(List.of(), t.steps(id, "planned"));
    assertEquals(200, t.caseAction(id, "close", new JsonObject(), SUPERVISOR).status());
  }

  @Test
  void aDepartmentListsOnlyItsOwnRatingsAndCases() {
    t.clock.set(MONDAY_10);
    String mine = t.closedTicket("13900000005", "hhht.urban");
    String theirs = t.closedTicket("13900000006", "hhht.environment");
    t.sms("13900000005", "4");
    t.sms("13900000006", "5");
    Response r = t.server.get("/api/ratings?has_case=true", department("hhht.urban"));
    assertEquals(200, r.status(), r.body());
    List<String> numbers = r.json().getJsonArray("items").stream()
        .map(o -> ((JsonObject) o).getString("ticket_number")).toList();
    assertTrue(numbers.contains(mine) && !numbers.contains(theirs), numbers.toString());
    Response cases = t.server.get("/api/rating-cases", department("hhht.urban"));
    assertTrue(cases.json().getJsonArray("items").stream()
        .allMatch(o -> "hhht.urban".equals(((JsonObject) o).getString("department_id"))), cases.body());
    assertEquals(404, t.server.get("/api/tickets/" + theirs + "/ratings", department("hhht.urban")).status());
    // The city above sees its sub-tree's cases, but only the case's own department fixes it.
    long urbanCase = t.caseOf(mine).getLong("id");
    assertEquals(200, t.server.get("/api/rating-cases/" + urbanCase, department("hhht")).status());
    Response parentFix = t.caseAction(urbanCase, "callback", new JsonObject().put("reached", true)
        .put("citizen_account", "x").put("founded", true), OPERATOR);
    assertEquals(200, parentFix.status(), parentFix.body());
    assertEquals(403, t.caseAction(urbanCase, "fix", new JsonObject().put("fix", "x"), department("hhht")).status());
    Response filtered = t.server.get("/api/ratings?level=5&source=sms&from=2026-03-02&to=2026-03-02", As.OPERATOR);
    assertTrue(filtered.json().getJsonArray("items").stream()
        .anyMatch(o -> theirs.equals(((JsonObject) o).getString("ticket_number"))), filtered.body());
    assertEquals(400, t.server.get("/api/ratings?level=9", As.OPERATOR).status());
  }
}
