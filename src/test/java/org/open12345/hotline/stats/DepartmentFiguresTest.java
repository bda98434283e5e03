package org.open12345.hotline.stats;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.deadline.ManualClock;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * Every figure of GET /api/stats/departments checked against a small fixture whose expected
 * values are worked out by hand below. The server's clock is fixed at 2026-11-20 12:00 (Asia/
 * Shanghai), so "due and not met" is decided against that instant.
 *
 * <p>October 2026 in Asia/Shanghai is [2026-09-30T16:00Z, 2026-10-31T16:00Z). Departments:
 * A = 东街街道 (hhht.xincheng.dongjie), a township under X = 新城区 (hhht.xincheng); B = 热力集团
 * (hhht.heating). Times below are UTC.
 *
 * <pre>
 * ticket created         status      dept  sign (due/met)    respond           resolve           events, ratings
 * (each dispatched at its creation unless said otherwise; deadlines of the current dispatch round)
 * A1  10-02 02:00        CLOSED      A     04:00/03:00 ok    10-03/10-02 ok    10-09/10-05 ok    rated 非常满意 10-06
 * A2  10-03 02:00        CLOSED      A     04:00/05:00 late  10-04/10-03 ok    10-06/10-06 09:00 late
 *                                          REOPEN 10-07; rated 不满意 10-10
 * A3  10-04 02:00        REOPENED    A     ok                ok                ok                REOPEN 10-08
 * A4  10-05 02:00        SIGNED      A     ok                10-06/- missed    11-25/- pending
 * A5  10-30 02:00        DISPATCHED  A     04:00/- missed before the pause at 05:00; respond and resolve were
 *                                          still running when paused: pending however late it is now
 * A6  10-10 01:00        RETURNED    A     03:00/- missed    (still running when returned at 05:00: not counted)
 * A7  10-12 01:00        MERGED      A     03:00/02:00 ok    (still running when merged at 06:00: not counted)
 * B1  10-15 01:00        CLOSED      B     ok                ok                ok                to A, returned 03:00,
 *                                                                                                then to B 04:00
 * B2  10-20 01:00        CLOSED      B     ok                10-21 01:00/05:00 late  ok          非常满意... see below
 * R1  10-22 01:00        RETURNED    B     (still running when B returned it: not counted)  dispatched to A, moved
 *                                          by the centre to B 02:00 (no return by A), returned by B 03:00
 * O3  10-31 15:30 (23:30 local, October)  DISPATCHED  B  all three missed (due before now, never met)
 * X1  10-16 01:00        CLOSED      X     03:00/03:00 ok (met at the due time: in time)  ok  ok  rated 基本满意 10-20
 * N1  10-08 ANSWERED (020301), N2 10-09 ANSWERED, N3 10-11 RECEIVED: no department
 * O1  09-30 15:00 (23:00 local, September) CLOSED A, all ok, rated 满意 10-02 (an October rating)
 * O2  10-31 16:30 (00:30 local, November) SIGNED A: sign ok, respond missed, resolve pending
 * B2 ratings: 满意 counted 10-25; 非常不满意 counted 10-26 then excluded by an upheld appeal;
 *             基本满意 duplicate (a second answer to the same prompt): only the first counts.
 * A call's keypad rating with no ticket: 非常满意 10-12 (centre total only).
 * </pre>
 */
class DepartmentFiguresTest {
  static final String A = "hhht.xincheng.dongjie";
  static final String X = "hhht.xincheng";
  static final String B = "hhht.heating";
  static final String W = "hhht.xincheng.xijie";
  static final String[] CENTRE = {"X-Hotline-Role", "SUPERVISOR"};
  static TestServer server;
  static ManualClock clock;
  static StatsFixture f;

  @BeforeAll
  static void start() {
    clock = new ManualClock(Instant.parse("2026-11-20T04:00:00Z"));
    server = TestServer.start(Map.of("escalation.scheduler_enabled", "false"), clock);
    f = new StatsFixture(server.database());
    long a1 = f.ticket("A1", "2026-10-02T02:00:00Z", "CLOSED", A, "020301");
    f.dispatch(a1, "2026-10-02T02:00:00Z", A);
    f.deadlines(a1, A, "2026-10-02T02:00:00Z",
        "2026-10-02T04:00:00Z", "2026-10-02T03:00:00Z", "2026-10-03T02:00:00Z", "2026-10-02T10:00:00Z",
        "2026-10-09T02:00:00Z", "2026-10-05T02:00:00Z", null, "2026-10-29T00:00:00Z");
    f.rating(a1, "VERY_SATISFIED", "2026-10-06T02:00:00Z", "counted");
    long a2 = f.ticket("A2", "2026-10-03T02:00:00Z", "CLOSED", A, "020301");
    f.dispatch(a2, "2026-10-03T02:00:00Z", A);
    f.deadlines(a2, A, "2026-10-03T02:00:00Z",
        "2026-10-03T04:00:00Z", "2026-10-03T05:00:00Z", "2026-10-04T02:00:00Z", "2026-10-03T06:00:00Z",
        "2026-10-06T02:00:00Z", "2026-10-06T09:00:00Z", null, "2026-10-29T00:00:00Z");
    f.event(a2, "2026-10-07T02:00:00Z", "REOPEN", new JsonObject());
    f.rating(a2, "DISSATISFIED", "2026-10-10T02:00:00Z", "counted");
    long a3 = f.ticket("A3", "2026-10-04T02:00:00Z", "REOPENED", A, "020302");
    f.dispatch(a3, "2026-10-04T02:00:00Z", A);
    f.deadlines(a3, A, "2026-10-04T02:00:00Z",
        "2026-10-04T04:00:00Z", "2026-10-04T03:00:00Z", "2026-10-05T02:00:00Z", "2026-10-04T08:00:00Z",
        "2026-10-11T02:00:00Z", "2026-10-07T02:00:00Z", null, null);
    f.event(a3, "2026-10-08T02:00:00Z", "REOPEN", new JsonObject());
    long a4 = f.ticket("A4", "2026-10-05T02:00:00Z", "SIGNED", A, "010101");
    f.dispatch(a4, "2026-10-05T02:00:00Z", A);
    f.deadlines(a4, A, "2026-10-05T02:00:00Z",
        "2026-10-05T04:00:00Z", "2026-10-05T03:00:00Z", "2026-10-06T02:00:00Z", null,
        "2026-11-25T02:00:00Z", null, null, null);
    long a5 = f.ticket("A5", "2026-10-30T02:00:00Z", "DISPATCHED", A, "010101");
    f.dispatch(a5, "2026-10-30T02:00:00Z", A);
    f.deadlines(a5, A, "2026-10-30T02:00:00Z",
        "2026-10-30T04:00:00Z", null, "2026-10-31T02:00:00Z", null,
        "2026-11-06T02:00:00Z", null, "2026-10-30T05:00:00Z", null);
    long a6 = f.ticket("A6", "2026-10-10T01:00:00Z", "RETURNED", A, "010101");
    f.dispatch(a6, "2026-10-10T01:00:00Z", A);
    f.event(a6, "2026-10-10T05:00:00Z", "RETURN", new JsonObject().put("reason", "属地不符"));
    f.deadlines(a6, A, "2026-10-10T01:00:00Z",
        "2026-10-10T03:00:00Z", null, "2026-10-11T01:00:00Z", null,
        "2026-10-17T01:00:00Z", null, null, "2026-10-10T05:00:00Z");
    long a7 = f.ticket("A7", "2026-10-12T01:00:00Z", "MERGED", A, "010101");
    f.dispatch(a7, "2026-10-12T01:00:00Z", A);
    f.deadlines(a7, A, "2026-10-12T01:00:00Z",
        "2026-10-12T03:00:00Z", "2026-10-12T02:00:00Z", "2026-10-13T01:00:00Z", null,
        "2026-10-19T01:00:00Z", null, null, "2026-10-12T06:00:00Z");
    long b1 = f.ticket("B1", "2026-10-15T01:00:00Z", "CLOSED", B, "020201");
    f.dispatch(b1, "2026-10-15T01:00:00Z", A);
    f.event(b1, "2026-10-15T03:00:00Z", "RETURN", new JsonObject().put("reason", "权属不清"));
    f.dispatch(b1, "2026-10-15T04:00:00Z", B);
    f.deadlines(b1, B, "2026-10-15T04:00:00Z",
        "2026-10-15T06:00:00Z", "2026-10-15T05:00:00Z", "2026-10-16T04:00:00Z", "2026-10-15T09:00:00Z",
        "2026-10-22T04:00:00Z", "2026-10-18T04:00:00Z", null, "2026-10-19T00:00:00Z");
    long b2 = f.ticket("B2", "2026-10-20T01:00:00Z", "CLOSED", B, "020201");
    f.dispatch(b2, "2026-10-20T01:00:00Z", B);
    f.deadlines(b2, B, "2026-10-20T01:00:00Z",
        "2026-10-20T03:00:00Z", "2026-10-20T02:00:00Z", "2026-10-21T01:00:00Z", "2026-10-21T05:00:00Z",
        "2026-10-27T01:00:00Z", "2026-10-25T01:00:00Z", null, "2026-10-26T00:00:00Z");
    f.rating(b2, "SATISFIED", "2026-10-25T05:00:00Z", "counted");
    long appealed = f.rating(b2, "VERY_DISSATISFIED", "2026-10-26T05:00:00Z", "counted");
    f.exclude(appealed, "2026-11-01T00:00:00Z", "申诉成立：诉求人误评");
    f.rating(b2, "BASIC", "2026-10-25T06:00:00Z", "duplicate");
    long r1 = f.ticket("R1", "2026-10-22T01:00:00Z", "RETURNED", B, "010101");
    f.dispatch(r1, "2026-10-22T01:00:00Z", A);
    f.dispatch(r1, "2026-10-22T02:00:00Z", B);
    f.event(r1, "2026-10-22T03:00:00Z", "RETURN", new JsonObject().put("reason", "职能交叉"));
    f.deadlines(r1, B, "2026-10-22T02:00:00Z",
        "2026-10-22T04:00:00Z", null, "2026-10-23T02:00:00Z", null,
        "2026-10-29T02:00:00Z", null, null, "2026-10-22T03:00:00Z");
    long o3 = f.ticket("O3", "2026-10-31T15:30:00Z", "DISPATCHED", B, "020201");
    f.dispatch(o3, "2026-10-31T15:30:00Z", B);
    f.deadlines(o3, B, "2026-10-31T15:30:00Z",
        "2026-10-31T17:30:00Z", null, "2026-11-01T15:30:00Z", null,
        "2026-11-07T15:30:00Z", null, null, null);
    long x1 = f.ticket("X1", "2026-10-16T01:00:00Z", "CLOSED", X, "010101");
    f.dispatch(x1, "2026-10-16T01:00:00Z", X);
    f.deadlines(x1, X, "2026-10-16T01:00:00Z",
        "2026-10-16T03:00:00Z", "2026-10-16T03:00:00Z", "2026-10-17T01:00:00Z", "2026-10-16T05:00:00Z",
        "2026-10-23T01:00:00Z", "2026-10-20T01:00:00Z", null, "2026-10-21T00:00:00Z");
    f.rating(x1, "BASIC", "2026-10-20T05:00:00Z", "counted");
    f.ticket("N1", "2026-10-08T01:00:00Z", "ANSWERED", null, "020301");
    f.ticket("N2", "2026-10-09T01:00:00Z", "ANSWERED", null, "010101");
    f.ticket("N3", "2026-10-11T01:00:00Z", "RECEIVED", null, null);
    f.rating(null, "VERY_SATISFIED", "2026-10-12T01:00:00Z", "counted");
    long o1 = f.ticket("O1", "2026-09-30T15:00:00Z", "CLOSED", A, "010101");
    f.dispatch(o1, "2026-09-30T15:00:00Z", A);
    f.deadlines(o1, A, "2026-09-30T15:00:00Z",
        "2026-09-30T17:00:00Z", "2026-09-30T16:00:00Z", "2026-10-01T15:00:00Z", "2026-10-01T01:00:00Z",
        "2026-10-07T15:00:00Z", "2026-10-03T01:00:00Z", null, "2026-10-04T00:00:00Z");
    f.rating(o1, "SATISFIED", "2026-10-02T01:00:00Z", "counted");
    long o2 = f.ticket("O2", "2026-10-31T16:30:00Z", "SIGNED", A, "010101");
    f.dispatch(o2, "2026-10-31T16:30:00Z", A);
    f.deadlines(o2, A, "2026-10-31T16:30:00Z",
        "2026-10-31T18:30:00Z", "2026-10-31T17:00:00Z", "2026-11-01T16:30:00Z", null,
        "2026-11-30T16:30:00Z", null, null, null);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonObject ok(Response r) {
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  static JsonObject row(JsonObject report, String department) {
    return report.getJsonArray("rows").stream().map(o -> (JsonObject) o)
        .filter(o -> java.util.Objects.equals(department, o.getString("department_id"))).findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + department + " in " + report.encodePrettily()));
  }

  /** Asserts numerator, denominator and rate (null when the denominator is 0). */
  static void figure(JsonObject row, String id, long numerator, long denominator, Double rate) {
    JsonObject fig = row.getJsonObject("figures").getJsonObject(id);
    assertEquals(numerator, fig.getLong("numerator"), id + " numerator in " + row.encode());
    assertEquals(denominator, fig.getLong("denominator"), id + " denominator in " + row.encode());
    assertEquals(rate, fig.getDouble("rate"), id + " rate in " + row.encode());
    assertTrue(fig.getBoolean("available"));
    assertFalse(fig.getString("definition").isBlank());
  }

  static void unavailable(JsonObject row, String id) {
    JsonObject fig = row.getJsonObject("figures").getJsonObject(id);
    assertFalse(fig.getBoolean("available"), id);
    assertNull(fig.getValue("rate"), id);
    assertNull(fig.getValue("numerator"), id);
    assertFalse(fig.getString("unavailable_reason").isBlank(), id);
  }

  @Test
  void aDepartmentsOwnFiguresFollowTheDefinitions() {
    JsonObject a = row(ok(server.get("/api/stats/departments?from=2026-10-01&to=2026-10-31", CENTRE)), A);
    assertEquals("东街街道", a.getString("department_name"));
    // A's rounds dispatched in October: A1..A7 (B1's first round is not its current round).
    // 按时签收: A1 ok, A2 late, A3 ok, A4 ok, A5 missed before its pause, A6 missed before it was
    // returned, A7 ok -> 4 / 7
    figure(a, "on_time_sign_rate", 4, 7, 0.5714);
    // 响应: A1, A2, A3 in time; A4 never contacted and due 10-06 < now: missed; A5 held by the pause;
    // A6 and A7 left A before their respond-by -> 3 / 4
    figure(a, "response_rate", 3, 4, 0.75);
    // 按时办结: A1 ok, A2 late, A3 ok; A4 due 11-25 > now and open: pending; A5 frozen -> 2 / 3
    figure(a, "on_time_resolve_rate", 2, 3, 0.6667);
    // 回访: A1 CLOSED (solved), A2 reopened then CLOSED (solved), A3 reopened and not closed -> 2 / 3
    figure(a, "resolution_rate", 2, 3, 0.6667);
    // 重办: A2 and A3 were reopened, of the same 3 called back -> 2 / 3
    figure(a, "reopen_rate", 2, 3, 0.6667);
    // Ratings received in October on A's tickets: A1 非常满意, A2 不满意, O1 满意 (O1 itself is a
    // September ticket) -> satisfied 2 / 3, 差评 1 / 3
    figure(a, "satisfaction_rate", 2, 3, 0.6667);
    figure(a, "bad_rating_rate", 1, 3, 0.3333);
    // Dispatches to A in October: A1..A7, B1's and R1's first rounds = 9; returned: A6 and B1's round
    // (R1 was moved on by the centre, then returned by B: not A's return) -> 2 / 9
    figure(a, "return_rate", 2, 9, 0.2222);
    unavailable(a, "direct_answer_rate");
    // No 差评 follow-up case in this fixture (BadRatingCaseFiguresTest has them): 0 / 0
    figure(a, "bad_rating_closed_in_time_rate", 0, 0, null);
  }

  @Test
  void anotherDepartmentCountsOnlyItsRoundsAndNotAppealedRatings() {
    JsonObject b = row(ok(server.get("/api/stats/departments?month=2026-10", CENTRE)), B);
    // B1 (second round), B2 and O3 (received 23:30 local on 10-31, so October)
    // 签收: B1 ok, B2 ok, O3 missed -> 2 / 3; 响应: B1 ok, B2 late, O3 missed -> 1 / 3; 办结: 2 / 3
    figure(b, "on_time_sign_rate", 2, 3, 0.6667);
    figure(b, "response_rate", 1, 3, 0.3333);
    figure(b, "on_time_resolve_rate", 2, 3, 0.6667);
    // B1 and B2 closed, never reopened -> 解决 2 / 2, 重办 0 / 2
    figure(b, "resolution_rate", 2, 2, 1.0);
    figure(b, "reopen_rate", 0, 2, 0.0);
    // B2: 满意 counts; 非常不满意 was excluded on appeal; 基本满意 was a duplicate -> 1 / 1 and 0 / 1
    figure(b, "satisfaction_rate", 1, 1, 1.0);
    figure(b, "bad_rating_rate", 0, 1, 0.0);
    // Dispatches to B: B1's second round, B2, R1's second round, O3; R1's returned -> 1 / 4
    figure(b, "return_rate", 1, 4, 0.25);
  }

  @Test
  void ticketsWithoutADepartmentHaveARowOfTheirOwnAndTheTotalCountsEveryTicketOnce() {
    JsonObject report = ok(server.get("/api/stats/departments?month=2026-10", CENTRE));
    assertEquals(List.of(B, X, A), report.getJsonArray("rows").stream().map(o -> (JsonObject) o)
        .map(o -> o.getString("department_id")).filter(java.util.Objects::nonNull).toList());
    JsonObject none = row(report, null);
    assertEquals("（无承办单位）", none.getString("department_name"));
    // N1..N3 have no deadlines; the keypad rating of a call has no ticket: 1 / 1
    figure(none, "response_rate", 0, 0, null);
    figure(none, "satisfaction_rate", 1, 1, 1.0);
    JsonArray totals = report.getJsonArray("totals");
    assertEquals(1, totals.size());
    JsonObject all = totals.getJsonObject(0);
    assertNull(all.getString("period"));
    // Received in October: A1..A7, B1, B2, R1, O3, X1, N1..N3 = 15; answered on the spot N1, N2 -> 2 / 15
    figure(all, "direct_answer_rate", 2, 15, 0.1333);
    // 签收 A 4/7 + B 2/3 + X 1/1 = 7 / 11; 响应 3/4 + 1/3 + 1/1 = 5 / 8; 办结 2/3 + 2/3 + 1/1 = 5 / 7
    figure(all, "on_time_sign_rate", 7, 11, 0.6364);
    figure(all, "response_rate", 5, 8, 0.625);
    figure(all, "on_time_resolve_rate", 5, 7, 0.7143);
    // 解决 2/3 + 2/2 + 1/1 = 5 / 6; 重办 2 / 6
    figure(all, "resolution_rate", 5, 6, 0.8333);
    figure(all, "reopen_rate", 2, 6, 0.3333);
    // Ratings: A 2/3, B 1/1, X 1/1 (基本满意 counts as satisfied), the call 1/1 -> 5 / 6; 差评 1 / 6
    figure(all, "satisfaction_rate", 5, 6, 0.8333);
    figure(all, "bad_rating_rate", 1, 6, 0.1667);
    // Dispatches: 9 to A, 4 to B, 1 to X = 14; returned 3 -> 3 / 14
    figure(all, "return_rate", 3, 14, 0.2143);
  }

  @Test
  void aRollUpCountsTheWholeSubTreeOnce() {
    JsonObject report = ok(server.get("/api/stats/departments?month=2026-10&department=" + X + "&rollup=true",
        CENTRE));
    JsonObject x = row(report, X);
    // X's own X1 (all in time, closed, 基本满意) plus township A's figures above:
    // 签收 1+4 / 1+7, 响应 1+3 / 1+4, 办结 1+2 / 1+3, 解决 1+2 / 1+3, 重办 0+2 / 1+3
    figure(x, "on_time_sign_rate", 5, 8, 0.625);
    figure(x, "response_rate", 4, 5, 0.8);
    figure(x, "on_time_resolve_rate", 3, 4, 0.75);
    figure(x, "resolution_rate", 3, 4, 0.75);
    figure(x, "reopen_rate", 2, 4, 0.5);
    // 满意 1+2 / 1+3, 差评 0+1 / 1+3, 退单 0+2 / 1+9
    figure(x, "satisfaction_rate", 3, 4, 0.75);
    figure(x, "bad_rating_rate", 1, 4, 0.25);
    figure(x, "return_rate", 2, 10, 0.2);
    // A, a leaf, rolls up to itself
    figure(row(report, A), "response_rate", 3, 4, 0.75);
    // The total of the sub-tree is X rolled up; direct answers do not apply to departments
    JsonObject total = report.getJsonArray("totals").getJsonObject(0);
    figure(total, "on_time_sign_rate", 5, 8, 0.625);
    unavailable(total, "direct_answer_rate");
  }

  @Test
  void withoutRollUpTheSubTreeShowsEachDepartmentsOwnTickets() {
    JsonObject report = ok(server.get("/api/stats/departments?month=2026-10&department=" + X, CENTRE));
    assertEquals(List.of(X, A), report.getJsonArray("rows").stream()
        .map(o -> ((JsonObject) o).getString("department_id")).toList());
    figure(row(report, X), "on_time_sign_rate", 1, 1, 1.0);
    figure(row(report, A), "on_time_sign_rate", 4, 7, 0.5714);
  }

  @Test
  void aDepartmentSeesOnlyItsSubTree() {
    JsonObject report = ok(server.get("/api/stats/departments?month=2026-10",
        "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", X));
    assertEquals(List.of(X, A), report.getJsonArray("rows").stream()
        .map(o -> ((JsonObject) o).getString("department_id")).toList());
    figure(report.getJsonArray("totals").getJsonObject(0), "response_rate", 4, 5, 0.8);
    Response other = server.get("/api/stats/departments?month=2026-10&department=" + B,
        "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", X);
    assertEquals(403, other.status(), other.body());
    assertEquals("outside_scope", other.json().getString("error"));
    Response up = server.get("/api/stats/departments?month=2026-10&department=" + X,
        "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", A);
    assertEquals(403, up.status(), up.body());
  }

  @Test
  void operatorsReadNoFigures() {
    Response r = server.get("/api/stats/departments?month=2026-10", "X-Hotline-Role", "OPERATOR");
    assertEquals(403, r.status(), r.body());
    assertEquals("forbidden_action", r.json().getString("error"));
    assertEquals(403, server.get("/api/stats/publication?month=2026-10",
        "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", A).status());
  }

  @Test
  void aMonthlyTrendSplitsByTheCentresLocalMonths() {
    JsonObject report = ok(server.get(
        "/api/stats/departments?from=2026-09-01&to=2026-11-30&interval=month&department=" + A, CENTRE));
    JsonArray rows = report.getJsonArray("rows");
    assertEquals(List.of("2026-09", "2026-10", "2026-11"),
        rows.stream().map(o -> ((JsonObject) o).getString("period")).toList());
    // September: O1 (23:00 local on 09-30) all in time, closed, dispatched once
    JsonObject sep = rows.getJsonObject(0);
    figure(sep, "response_rate", 1, 1, 1.0);
    figure(sep, "resolution_rate", 1, 1, 1.0);
    figure(sep, "return_rate", 0, 1, 0.0);
    figure(sep, "satisfaction_rate", 0, 0, null);
    figure(rows.getJsonObject(1), "response_rate", 3, 4, 0.75);
    // November: O2 (00:30 local on 11-01): signed in time, never contacted (missed), resolve pending
    JsonObject nov = rows.getJsonObject(2);
    figure(nov, "on_time_sign_rate", 1, 1, 1.0);
    figure(nov, "response_rate", 0, 1, 0.0);
    figure(nov, "on_time_resolve_rate", 0, 0, null);
    assertEquals(3, report.getJsonArray("totals").size());
  }

  @Test
  void perCategoryRowsCountDirectAnswers() {
    JsonObject report = ok(server.get("/api/stats/departments?month=2026-10&group=category&category=0203",
        CENTRE));
    JsonArray rows = report.getJsonArray("rows");
    assertEquals(List.of("020301", "020302"),
        rows.stream().map(o -> ((JsonObject) o).getString("category_code")).toList());
    JsonObject heating = rows.getJsonObject(0);
    // 020301: A1, A2 and N1. Direct answers N1 -> 1 / 3; 签收 A1 ok, A2 late -> 1 / 2; 重办 A2 -> 1 / 2;
    // ratings A1 非常满意, A2 不满意 -> 1 / 2
    figure(heating, "direct_answer_rate", 1, 3, 0.3333);
    figure(heating, "on_time_sign_rate", 1, 2, 0.5);
    figure(heating, "reopen_rate", 1, 2, 0.5);
    figure(heating, "satisfaction_rate", 1, 2, 0.5);
    figure(heating, "return_rate", 0, 2, 0.0);
    // 020302: A3 only, reopened and not closed -> 解决 0 / 1
    figure(rows.getJsonObject(1), "resolution_rate", 0, 1, 0.0);
    figure(report.getJsonArray("totals").getJsonObject(0), "direct_answer_rate", 1, 4, 0.25);
  }

  @Test
  void anUpheldAppealLeavesTheFiguresAtTheNextRead() {
    // August, department B: two ratings, one of them a 差评
    long t = f.ticket("P1", "2026-08-10T02:00:00Z", "CLOSED", B, "020201");
    f.rating(t, "SATISFIED", "2026-08-12T02:00:00Z", "counted");
    long bad = f.rating(t, "VERY_DISSATISFIED", "2026-08-13T02:00:00Z", "counted");
    String path = "/api/stats/departments?month=2026-08&department=" + B;
    figure(row(ok(server.get(path, CENTRE)), B), "satisfaction_rate", 1, 2, 0.5);
    f.exclude(bad, "2026-11-19T00:00:00Z", "申诉成立：非承办单位原因");
    JsonObject after = row(ok(server.get(path, CENTRE)), B);
    figure(after, "satisfaction_rate", 1, 1, 1.0);
    figure(after, "bad_rating_rate", 0, 1, 0.0);
  }

  @Test
  void ticketsWorkedThroughTheApiAreMeasuredFromTheDeadlinesTheServerStored() {
    Response created = server.postJson("/api/tickets", new JsonObject().put("citizen_phone", "13900000001")
        .put("request_type", "投诉").put("description", "楼道灯坏了"), "X-Hotline-Role", "OPERATOR");
    assertEquals(201, created.status(), created.body());
    String number = created.json().getString("number");
    String[] dispatcher = {"X-Hotline-Role", "DISPATCHER"};
    String[] staff = {"X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", W};
    assertEquals(200, server.postJson("/api/tickets/" + number + "/actions/dispatch",
        new JsonObject().put("department_id", W), dispatcher).status());
    clock.advance(Duration.ofMinutes(10));
    assertEquals(200, server.post("/api/tickets/" + number + "/actions/sign", "", staff).status());
    clock.advance(Duration.ofMinutes(10));
    assertEquals(200, server.post("/api/tickets/" + number + "/actions/contact", "", staff).status());
    JsonObject w = row(ok(server.get("/api/stats/departments?month=2026-11&department=" + W, CENTRE)), W);
    // Signed and contacted 10 and 20 minutes after dispatch: in time; resolve-by is days away: pending
    figure(w, "on_time_sign_rate", 1, 1, 1.0);
    figure(w, "response_rate", 1, 1, 1.0);
    figure(w, "on_time_resolve_rate", 0, 0, null);
    figure(w, "return_rate", 0, 1, 0.0);
  }

  @Test
  void csvHasTheByteOrderMarkAndChineseHeaders() throws Exception {
    Response r = server.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(server.url("/api/stats/departments?month=2026-10&format=csv"))).GET(), CENTRE);
    assertEquals(200, r.status());
    assertTrue(r.header("Content-Type").startsWith("text/csv"), r.header("Content-Type"));
    assertTrue(r.header("Content-Disposition").contains("figures-2026-10-01_2026-10-31.csv"));
    byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3));
    String[] lines = r.body().substring(1).split("\r\n");
    assertTrue(lines[0].startsWith("统计期,单位编码,单位名称,响应率分子,响应率分母,响应率,解决率分子,"), lines[0]);
    String a = java.util.Arrays.stream(lines).filter(l -> l.startsWith("," + A + ",")).findFirst().orElseThrow();
    assertTrue(a.startsWith("," + A + ",东街街道,3,4,75.00%,2,3,66.67%,2,3,66.67%,"), a);
    assertTrue(lines[lines.length - 1].startsWith(",,合计,5,8,62.50%,"), lines[lines.length - 1]);
  }

  @Test
  void thePublicationRanksDepartmentsByTheThreeRates() {
    JsonObject p = ok(server.get("/api/stats/publication?month=2026-10", CENTRE));
    JsonArray e = p.getJsonArray("entries");
    // Own tickets. X: 1, 1, 1 -> score 1; B: 响应 1/3 = 0.3333, 解决 1, 满意 1 -> 2.3333 / 3 = 0.7778;
    // A: 0.75, 0.6667, 0.6667 -> 2.0834 / 3 = 0.6945 (half-up)
    assertEquals(List.of(X, B, A), e.stream().map(o -> ((JsonObject) o).getString("department_id")).toList());
    assertEquals(List.of(1.0, 0.7778, 0.6945), e.stream().map(o -> ((JsonObject) o).getDouble("score")).toList());
    assertEquals(List.of(1, 2, 3), e.stream().map(o -> ((JsonObject) o).getInteger("rank")).toList());
    // By 解决率 X and B share first place; A is third
    assertEquals(List.of(1, 1, 3), e.stream()
        .map(o -> ((JsonObject) o).getJsonObject("resolution_rate").getInteger("rank")).toList());
    assertEquals(List.of(1, 3, 2), e.stream()
        .map(o -> ((JsonObject) o).getJsonObject("response_rate").getInteger("rank")).toList());
    Response csv = server.get("/api/stats/publication?month=2026-10&format=csv", CENTRE);
    assertTrue(csv.body().startsWith("\uFEFF名次,单位编码,单位名称,综合得分,响应率,"), csv.body());
    assertTrue(csv.body().contains("\r\n3," + A + ",东街街道,69.45%,75.00%,2,3,4,"), csv.body());
  }

  @Test
  void badParametersAreRefusedNamingTheParameter() {
    assertBad("/api/stats/departments?from=2026-10-31&to=2026-10-01", "from");
    assertBad("/api/stats/departments?from=2026-10-32&to=2026-11-01", "from");
    assertBad("/api/stats/departments?from=2026-10-01", "to");
    assertBad("/api/stats/departments?month=2026-13", "month");
    assertBad("/api/stats/departments?month=2026-10&from=2026-10-01", "month");
    assertBad("/api/stats/departments?month=2026-10&department=nowhere", "department");
    assertBad("/api/stats/departments?month=2026-10&interval=week", "interval");
    assertBad("/api/stats/departments?month=2026-10&group=street", "group");
    assertBad("/api/stats/departments?month=2026-10&rollup=yes", "rollup");
    assertBad("/api/stats/departments?month=2026-10&category=02%25", "category");
    assertBad("/api/stats/departments?month=2026-10&format=xlsx", "format");
    assertBad("/api/stats/departments?from=2024-01-01&to=2026-10-31", "to");
    assertBad("/api/stats/departments?from=2026-01-01&to=2026-10-31&interval=day", "interval");
    assertBad("/api/stats/publication", "month");
    assertBad("/api/stats/publication?month=10-2026", "month");
  }

  static void assertBad(String path, String field) {
    Response r = server.get(path, CENTRE);
    assertEquals(400, r.status(), path + " -> " + r.body());
    JsonObject body = r.json();
    assertEquals("invalid_field", body.getString("error"), path);
    assertEquals(field, body.getJsonObject("details").getString("field"), path);
    assertNotNull(body.getString("message"));
  }
}
