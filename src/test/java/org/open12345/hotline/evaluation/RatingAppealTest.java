package org.open12345.hotline.evaluation;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.evaluation.RatingTesting.MONDAY_10;
import static org.open12345.hotline.evaluation.RatingTesting.SUPERVISOR;
import static org.open12345.hotline.evaluation.RatingTesting.department;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.intake.IntakeTesting;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * 申诉复核: the rated department appeals a 差评 once, within the window; a supervisor upholds (the
 * rating leaves every figure, the reason kept and shown, its case closes) or rejects it.
 */
class RatingAppealTest {
  static RatingTesting t;

  @BeforeAll
  static void start() {
    t = new RatingTesting();
  }

  @AfterAll
  static void stop() {
    t.close();
  }


  static long ratingId(String number) {
    return t.ratingsOf(number).getJsonArray("ratings").getJsonObject(0).getLong("id");
  }

  static Response appeal(long ratingId, String[] who) {
    return t.server.postJson("/api/ratings/" + ratingId + "/appeal", new JsonObject()
        .put("reason", "诉求人反映的问题属其他单位职责，且已现场处理完毕").put("evidence", "现场照片3张，通话录音1段"), who);
  }

  /** Counted ratings of the ticket that enter the 满意率: not excluded by an appeal (the figures' filter). */
  static long inFigures(String number) {
    return IntakeTesting.count(t.server, "SELECT count(*) FROM ratings r JOIN tickets t ON t.id = r.ticket_id "
        + "WHERE t.number = ? AND r.status = 'counted' AND r.excluded_at IS NULL", number);
  }

  @Test
  void anUpheldAppealExcludesTheBadRatingFromEveryFigureAndClosesItsCase() {
    t.clock.set(MONDAY_10);
    String n = t.closedTicket("13900000101", "hhht.water");
    t.sms("13900000101", "5");
    long id = ratingId(n);
    long caseId = t.caseOf(n).getLong("id");
    assertEquals(1, inFigures(n));

    assertEquals(404, appeal(id, department("hhht.gas")).status(), "another department's rating is not found");
    assertEquals(403, appeal(id, new String[] {"X-Hotline-Role", "OPERATOR"}).status());
    t.clock.set(MONDAY_10.plus(Duration.ofDays(2)));
    Response a = appeal(id, department("hhht.water"));
    assertEquals(201, a.status(), a.body());
    assertEquals("PENDING", a.json().getString("status"));
    assertEquals("2026-03-09T15:59:59.999999Z", a.json().getString("window_ends_at"), "5 working days");
    Response twice = appeal(id, department("hhht.water"));
    assertEquals(409, twice.status(), twice.body());
    assertEquals("already_appealed", twice.json().getString("error"));

    Response byDispatcher = t.server.postJson("/api/ratings/" + id + "/appeal/decision",
        new JsonObject().put("uphold", true).put("reason", "x"), "X-Hotline-Role", "DISPATCHER");
    assertEquals(403, byDispatcher.status(), byDispatcher.body());
    Response d = t.server.postJson("/api/ratings/" + id + "/appeal/decision",
        new JsonObject().put("uphold", true).put("reason", "经调取录音核实，属恶意差评"), SUPERVISOR);
    assertEquals(200, d.status(), d.body());
    assertEquals("UPHELD", d.json().getJsonObject("appeal").getString("status"));
    JsonObject rating = d.json().getJsonObject("rating");
    assertTrue(rating.getBoolean("excluded"));
    assertEquals(n, rating.getString("ticket_number"));
    assertTrue(rating.getString("excluded_reason").contains("经调取录音核实，属恶意差评"), rating.encode());
    assertEquals(0, inFigures(n), "out of the 满意率 and every other figure");

    // The exclusion is kept and shown: on the ticket and in the filtered list.
    JsonObject shown = t.ratingsOf(n).getJsonArray("ratings").getJsonObject(0);
    assertTrue(shown.getBoolean("excluded"));
    assertEquals("UPHELD", shown.getJsonObject("appeal").getString("status"));
    Response excluded = t.server.get("/api/ratings?excluded=true&appealed=true", As.SUPERVISOR);
    assertTrue(excluded.json().getJsonArray("items").stream().anyMatch(o -> ((JsonObject) o).getLong("id") == id));
    assertFalse(t.server.get("/api/ratings?excluded=false", As.SUPERVISOR).json().getJsonArray("items").stream()
        .anyMatch(o -> ((JsonObject) o).getLong("id") == id));

    // Nothing stands in the case any more: it closed, and its deadlines stopped.
    JsonObject c = t.caseOf(n);
    assertEquals(caseId, c.getLong("id"));
    assertEquals("CLOSED", c.getString("status"));
    assertEquals("APPEAL_UPHELD", c.getString("close_reason"));
    assertEquals(List.of(), t.steps(caseId, "planned"));
    assertTrue(t.actions(n).containsAll(List.of("RATING_APPEALED", "RATING_EXCLUDED", "RATING_CASE_CLOSED")));

    Response again = t.server.postJson("/api/ratings/" + id + "/appeal/decision",
        new JsonObject().put("uphold", false).put("reason", "x"), SUPERVISOR);
    assertEquals(409, again.status(), again.body());
    assertEquals("appeal_decided", again.json().getString("error"));
  }

  @Test
  void aRejectedAppealLeavesTheRatingInTheFigures() {
    t.clock.set(MONDAY_10);
    String n = t.closedTicket("13900000102", "hhht.water");
    t.sms("13900000102", "4");
    long id = ratingId(n);
    assertEquals(201, appeal(id, department("hhht.water")).status());
    Response d = t.server.postJson("/api/ratings/" + id + "/appeal/decision",
        new JsonObject().put("uphold", false).put("reason", "诉求合理，差评成立"), SUPERVISOR);
    assertEquals(200, d.status(), d.body());
    assertEquals("REJECTED", d.json().getJsonObject("appeal").getString("status"));
    assertFalse(d.json().getJsonObject("rating").getBoolean("excluded"));
    assertEquals(1, inFigures(n));
    assertEquals("CALLBACK_DUE", t.caseOf(n).getString("status"), "the case goes on");
  }

  @Test
  void anAppealAfterTheWindowOrOfAGoodRatingOrWithoutOneIsRefusedAndChangesNothing() {
    t.clock.set(MONDAY_10);
    String late = t.closedTicket("13900000103", "hhht.water");
    t.sms("13900000103", "4");
    long lateId = ratingId(late);
    t.clock.set(MONDAY_10.plus(Duration.ofDays(8)));
    Response r = appeal(lateId, department("hhht.water"));
    assertEquals(409, r.status(), r.body());
    assertEquals("appeal_window_closed", r.json().getString("error"));
    assertNull(t.ratingsOf(late).getJsonArray("ratings").getJsonObject(0).getValue("appeal"));

    t.clock.set(MONDAY_10);
    String good = t.closedTicket("13900000104", "hhht.water");
    t.sms("13900000104", "1");
    Response g = appeal(ratingId(good), department("hhht.water"));
    assertEquals(409, g.status(), g.body());
    assertEquals("not_a_bad_rating", g.json().getString("error"));

    Response none = t.server.postJson("/api/ratings/" + ratingId(good) + "/appeal/decision",
        new JsonObject().put("uphold", true).put("reason", "x"), SUPERVISOR);
    assertEquals(404, none.status(), none.body());
    assertEquals(404, appeal(999_999, department("hhht.water")).status());
    Response bad = t.server.postJson("/api/ratings/" + ratingId(good) + "/appeal/decision",
        new JsonObject().put("reason", "x"), SUPERVISOR);
    assertEquals(400, bad.status(), bad.body());
  }
}
