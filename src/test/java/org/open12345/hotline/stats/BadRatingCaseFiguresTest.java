package org.open12345.hotline.stats;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.stats.DepartmentFiguresTest.figure;
import static org.open12345.hotline.stats.DepartmentFiguresTest.ok;
import static org.open12345.hotline.stats.DepartmentFiguresTest.row;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.deadline.ManualClock;
import org.open12345.hotline.testing.TestServer;

/**
 * 差评按时办结率 (bad_rating_closed_in_time_rate) against hand-counted 差评 follow-up cases. The
 * server's clock is fixed at 2026-11-10 04:00Z, so a case whose fix deadline is later and that
 * is not finished is still pending (not in the denominator).
 *
 * <p>October 2026 in Asia/Shanghai is [2026-09-30T16:00Z, 2026-10-31T16:00Z). A = 东街街道
 * (hhht.xincheng.dongjie) under X = 新城区 (hhht.xincheng); B = 热力集团 (hhht.heating). Each case
 * has a ticket of its own; times are UTC; "cb" = callback due / recorded, "fix" = fix due /
 * fix or explanation recorded.
 *
 * <pre>
 * case ticket dept  opened       cb due / done        fix due / done          status           counted
 * C1   A (020301)   10-02 02:00  10-04 02 / 10-03 02  10-17 02 / fixed 10-10  CLOSED           due, in time
 * C2   A (020301)   10-03 02:00  10-05 02 / 10-05 03  10-18 02 / expl. 10-08  EXPLAINED        due, callback late
 * C3   A            10-04 02:00  10-06 02 / 10-06 02  10-19 02 / fixed 10-20  FIXED            due, fix late
 *                                (recorded at the due time: in time)
 * C4   A            10-05 02:00  10-07 02 / 10-06 02  10-20 02 / -            FIX_DUE          due (fix due < now), missed
 * C5   A            10-29 02:00  10-31 02 / 10-30 02  11-13 02 / expl. 11-01  EXPLAINED        due (finished), in time
 * C6   A            10-30 02:00  11-01 02 / 10-31 02  11-14 02 / -            FIX_DUE          pending (11-14 > now)
 * C7   A            10-08 02:00  10-10 02 / -         10-23 02 / -            CLOSED (appeal)  left out: appealed away
 * C8   B (case A)   10-10 02:00  10-12 02 / 10-11 02  10-25 02 / fixed 10-20  CLOSED           due, in time, counted
 *                                for B: the ticket was moved to B after the case opened with A
 * C9   X            10-15 02:00  10-17 02 / -         10-30 02 / -            CALLBACK_DUE     due, missed
 * C10  A            09-30 15:00 (23:00 local: September)  10-02 15 / 10-01 01  10-15 15 / fixed 10-05  FIXED  in time
 * C11  A            10-31 16:30 (00:30 local: November)   11-02 16:30 / 11-03 01 (late)  11-15 16:30 / expl. 11-05
 *                                                                                   EXPLAINED        due, late
 * </pre>
 */
class BadRatingCaseFiguresTest {
  static final String A = DepartmentFiguresTest.A;
  static final String X = DepartmentFiguresTest.X;
  static final String B = DepartmentFiguresTest.B;
  static final String[] CENTRE = DepartmentFiguresTest.CENTRE;
  static final String FIGURE = "bad_rating_closed_in_time_rate";
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("escalation.scheduler_enabled", "false"),
        new ManualClock(Instant.parse("2026-11-10T04:00:00Z")));
    StatsFixture f = new StatsFixture(server.database());
    f.ratingCase(f.ticket("C1", "2026-09-28T02:00:00Z", "CLOSED", A, "020301"), A, "CLOSED",
        "2026-10-02T02:00:00Z", "2026-10-04T02:00:00Z", "2026-10-17T02:00:00Z",
        "2026-10-03T02:00:00Z", "2026-10-10T02:00:00Z", null, "2026-10-12T02:00:00Z", "CONCLUDED");
    f.ratingCase(f.ticket("C2", "2026-09-28T02:00:00Z", "CLOSED", A, "020301"), A, "EXPLAINED",
        "2026-10-03T02:00:00Z", "2026-10-05T02:00:00Z", "2026-10-18T02:00:00Z",
        "2026-10-05T03:00:00Z", null, "2026-10-08T02:00:00Z", null, null);
    f.ratingCase(f.ticket("C3", "2026-09-28T02:00:00Z", "CLOSED", A, "010101"), A, "FIXED",
        "2026-10-04T02:00:00Z", "2026-10-06T02:00:00Z", "2026-10-19T02:00:00Z",
        "2026-10-06T02:00:00Z", "2026-10-20T02:00:00Z", null, null, null);
    f.ratingCase(f.ticket("C4", "2026-09-28T02:00:00Z", "CLOSED", A, "010101"), A, "FIX_DUE",
        "2026-10-05T02:00:00Z", "2026-10-07T02:00:00Z", "2026-10-20T02:00:00Z",
        "2026-10-06T02:00:00Z", null, null, null, null);
    f.ratingCase(f.ticket("C5", "2026-09-28T02:00:00Z", "CLOSED", A, "010101"), A, "EXPLAINED",
        "2026-10-29T02:00:00Z", "2026-10-31T02:00:00Z", "2026-11-13T02:00:00Z",
        "2026-10-30T02:00:00Z", null, "2026-11-01T02:00:00Z", null, null);
    f.ratingCase(f.ticket("C6", "2026-09-28T02:00:00Z", "CLOSED", A, "010101"), A, "FIX_DUE",
        "2026-10-30T02:00:00Z", "2026-11-01T02:00:00Z", "2026-11-14T02:00:00Z",
        "2026-10-31T02:00:00Z", null, null, null, null);
    f.ratingCase(f.ticket("C7", "2026-09-28T02:00:00Z", "CLOSED", A, "010101"), A, "CLOSED",
        "2026-10-08T02:00:00Z", "2026-10-10T02:00:00Z", "2026-10-23T02:00:00Z",
        null, null, null, "2026-10-09T02:00:00Z", "APPEAL_UPHELD");
    f.ratingCase(f.ticket("C8", "2026-09-28T02:00:00Z", "CLOSED", B, "010101"), A, "CLOSED",
        "2026-10-10T02:00:00Z", "2026-10-12T02:00:00Z", "2026-10-25T02:00:00Z",
        "2026-10-11T02:00:00Z", "2026-10-20T02:00:00Z", null, "2026-10-21T02:00:00Z", "CONCLUDED");
    f.ratingCase(f.ticket("C9", "2026-09-28T02:00:00Z", "CLOSED", X, "010101"), X, "CALLBACK_DUE",
        "2026-10-15T02:00:00Z", "2026-10-17T02:00:00Z", "2026-10-30T02:00:00Z",
        null, null, null, null, null);
    f.ratingCase(f.ticket("C10", "2026-09-20T02:00:00Z", "CLOSED", A, "010101"), A, "FIXED",
        "2026-09-30T15:00:00Z", "2026-10-02T15:00:00Z", "2026-10-15T15:00:00Z",
        "2026-10-01T01:00:00Z", "2026-10-05T01:00:00Z", null, null, null);
    f.ratingCase(f.ticket("C11", "2026-10-20T02:00:00Z", "CLOSED", A, "010101"), A, "EXPLAINED",
        "2026-10-31T16:30:00Z", "2026-11-02T16:30:00Z", "2026-11-15T16:30:00Z",
        "2026-11-03T01:00:00Z", null, "2026-11-05T01:00:00Z", null, null);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void eachDepartmentCountsTheCasesOfItsTicketsThatAreDue() {
    JsonObject report = ok(server.get("/api/stats/departments?month=2026-10", CENTRE));
    // A: due C1, C2, C3, C4, C5 (C6 pending, C7 appealed away, C8 is B's ticket now);
    // in time C1, C5 -> 2 / 5
    figure(row(report, A), FIGURE, 2, 5, 0.4);
    // B: C8 -> 1 / 1; X: C9, no callback by 10-17 and its fix due 10-30 has passed -> 0 / 1
    figure(row(report, B), FIGURE, 1, 1, 1.0);
    figure(row(report, X), FIGURE, 0, 1, 0.0);
    // Total: 2 + 1 + 0 / 5 + 1 + 1 -> 3 / 7
    figure(report.getJsonArray("totals").getJsonObject(0), FIGURE, 3, 7, 0.4286);
  }

  @Test
  void aRollUpSumsTheSubTreesCases() {
    JsonObject report = ok(server.get("/api/stats/departments?month=2026-10&department=" + X + "&rollup=true",
        CENTRE));
    // X's own C9 (0 / 1) plus A's 2 / 5 -> 2 / 6
    figure(row(report, X), FIGURE, 2, 6, 0.3333);
    figure(row(report, A), FIGURE, 2, 5, 0.4);
  }

  @Test
  void aCaseCountsInTheLocalMonthItOpened() {
    JsonObject report = ok(server.get(
        "/api/stats/departments?from=2026-09-01&to=2026-11-30&interval=month&department=" + A, CENTRE));
    JsonArray rows = report.getJsonArray("rows");
    assertEquals(List.of("2026-09", "2026-10", "2026-11"),
        rows.stream().map(o -> ((JsonObject) o).getString("period")).toList());
    // September: C10 (23:00 local on 09-30), in time -> 1 / 1
    figure(rows.getJsonObject(0), FIGURE, 1, 1, 1.0);
    figure(rows.getJsonObject(1), FIGURE, 2, 5, 0.4);
    // November: C11 (00:30 local on 11-01), explained in time but called back late -> 0 / 1
    figure(rows.getJsonObject(2), FIGURE, 0, 1, 0.0);
  }

  @Test
  void perCategoryRowsCountTheRatedTicketsCategory() {
    JsonObject report = ok(server.get("/api/stats/departments?month=2026-10&group=category&category=0203",
        CENTRE));
    JsonArray rows = report.getJsonArray("rows");
    assertEquals(List.of("020301"), rows.stream().map(o -> ((JsonObject) o).getString("category_code")).toList());
    // 020301: C1 in time, C2 called back late -> 1 / 2
    figure(rows.getJsonObject(0), FIGURE, 1, 2, 0.5);
  }

  @Test
  void theFigureIsAvailableWithItsDefinition() {
    JsonObject fig = row(ok(server.get("/api/stats/departments?month=2026-10", CENTRE)), A)
        .getJsonObject("figures").getJsonObject(FIGURE);
    assertNull(fig.getValue("unavailable_reason"));
    assertEquals(FigureDefinition.BAD_RATING_CLOSED_IN_TIME_RATE.definition(), fig.getString("definition"));
  }
}
