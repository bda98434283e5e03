package org.open12345.hotline.escalation;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.deadline.ManualClock;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * The lazily planned ladder (issue 15): one planned row per ticket carrying the rest, the next
 * planned by the round that fires a step, replans under the ticket's ladder lock, and ladders
 * planned before (a row per step) still firing once each.
 */
class LazyLadderTest {
  // Mon 2026-03-02 10:00 in Beijing.
  static final Instant MONDAY_10 = Instant.parse("2026-03-02T02:00:00Z");
  static final ManualClock clock = new ManualClock(MONDAY_10);
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("escalation.scheduler_enabled", "false", "outbox.relay_enabled", "false"), clock);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String dispatched(String department) {
    Response r = server.postJson("/api/tickets", new JsonObject().put("citizen_phone", "13800138000")
        .put("request_type", "投诉").put("description", "楼道灯坏了一个月没人修"), As.OPERATOR);
    assertEquals(201, r.status(), r.body());
    String n = r.json().getString("number");
    assertEquals(200, server.postJson("/api/tickets/" + n + "/actions/dispatch",
        new JsonObject().put("department_id", department), "X-Hotline-Role", "DISPATCHER").status());
    return n;
  }

  static Response department(String n, String action, String department) {
    return server.post("/api/tickets/" + n + "/actions/" + action, "{}", "X-Hotline-Role", "DEPARTMENT",
        "X-Hotline-Department", department);
  }

  static int fire(Instant asOf) throws Exception {
    return Await.result(server.server().features().escalation.scheduler().drain(asOf));
  }

  static List<String> rows(String sql, Object... args) throws Exception {
    return server.column(sql, args);
  }

  /** key@due (UTC) of the ticket's rows with this status, by due time. */
  static List<String> steps(String n, String status) throws Exception {
    return rows("SELECT s.key || '@' || to_char(s.due_at AT TIME ZONE 'UTC', 'MM-DD HH24:MI') FROM escalation_steps s "
        + "JOIN tickets t ON t.id = s.ticket_id WHERE t.number = ? AND s.status = ? ORDER BY s.due_at, s.level, s.key",
        n, status);
  }

  /** The planned steps the deadline view shows (the row and what it carries). */
  static List<String> viewPlanned(String n) {
    Response r = server.get("/api/tickets/" + n + "/deadlines", As.DISPATCHER);
    assertEquals(200, r.status(), r.body());
    return r.json().getJsonArray("steps").stream().map(JsonObject.class::cast)
        .filter(s -> s.getString("status").equals("planned")).map(s -> s.getString("key")).toList();
  }

  @Test
  void aReopenReplansTheNewRoundAsOneRowAndLeavesTheFiredHistory() throws Exception {
    clock.set(MONDAY_10);
    String n = dispatched("hhht.gas");
    fire(MONDAY_10.plus(Duration.ofMinutes(90)));
    clock.set(MONDAY_10.plus(Duration.ofMinutes(100)));
    for (String a : List.of("sign", "contact", "reply")) {
      assertEquals(200, department(n, a, "hhht.gas").status());
    }
    assertEquals(List.of(), steps(n, "planned"), "replied: nothing left to fire");
    assertEquals(200, server.post("/api/tickets/" + n + "/actions/close", "", "X-Hotline-Role", "DISPATCHER").status());

    clock.set(MONDAY_10.plus(Duration.ofDays(2)));
    Response r = server.postJson("/api/tickets/" + n + "/actions/reopen",
        new JsonObject().put("reason", "回访诉求人表示问题未解决"), "X-Hotline-Role", "SUPERVISOR");
    assertEquals(200, r.status(), r.body());
    // The new round from Wed 03-04 10:00 (02:00 UTC): sign-by 2h, its reminder 30 min before.
    assertEquals(List.of(n + ":SIGN:REMIND#1@03-04 03:30"), steps(n, "planned"));
    assertEquals(10, viewPlanned(n).size(), viewPlanned(n).toString());
    assertTrue(viewPlanned(n).stream().allMatch(k -> k.endsWith("#1")), viewPlanned(n).toString());
    assertEquals(List.of(n + ":SIGN:REMIND@03-02 03:30"), steps(n, "fired"), "the first round's history stays");

    fire(Instant.parse("2026-03-04T03:30:00Z"));
    assertEquals(List.of(n + ":SIGN:SUPERVISE#1@03-04 04:00"), steps(n, "planned"),
        "firing the reminder planned the 督办 at sign-by");
  }

  @Test
  void aRoundSkipsATicketWhoseLadderIsBeingReplannedAndFiresItAfter() throws Exception {
    clock.set(MONDAY_10);
    String n = dispatched("hhht.market");
    long id = Long.parseLong(rows("SELECT id FROM tickets WHERE number = ?", n).get(0));
    Instant due = MONDAY_10.plus(Duration.ofMinutes(90));
    // A transaction holding the ticket's ladder lock (as a replan does) while a round runs.
    Await.result(server.server().pool().withTransaction(tx -> tx
        .preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended('escalation-ladder:' || $1::bigint, 0))")
        .execute(Tuple.of(id))
        .compose(v -> server.server().features().escalation.scheduler().drain(due))));
    assertEquals(List.of(), steps(n, "fired"), "the due step waits for the replan");
    assertEquals(List.of(n + ":SIGN:REMIND@03-02 03:30"), steps(n, "planned"));
    fire(due);
    assertEquals(List.of(n + ":SIGN:REMIND@03-02 03:30"), steps(n, "fired"));
    assertEquals(List.of(n + ":SIGN:SUPERVISE@03-02 04:00"), steps(n, "planned"));
  }

  @Test
  void aLadderPlannedBeforeAsOneRowPerStepFiresEachOnceAndAReplanMakesItLazy() throws Exception {
    clock.set(MONDAY_10);
    String a = dispatched("hhht.housing");
    String b = dispatched("hhht.housing");
    // What V102 found: every step of the ladder a planned row of its own, later NULL.
    for (String n : List.of(a, b)) {
      rows("""
          WITH head AS (SELECT s.* FROM escalation_steps s JOIN tickets t ON t.id = s.ticket_id
                        WHERE t.number = ? AND s.status = 'planned'),
               more AS (INSERT INTO escalation_steps (ticket_id, key, deadline_kind, step_kind, level, due_at,
                          deadline_due_at, department_id, audience, channels, circulate, revision, created_at)
                        SELECT h.ticket_id, e->>0, e->>1, e->>2, (e->>3)::int, (e->>4)::timestamptz,
                               (e->>5)::timestamptz, e->>9, string_to_array(e->>6, ','), string_to_array(e->>7, ','),
                               (e->>8)::boolean, 0, h.created_at
                        FROM head h, jsonb_array_elements(h.later) e RETURNING 1)
          UPDATE escalation_steps SET later = NULL WHERE id = (SELECT id FROM head) RETURNING (SELECT count(*) FROM more)
          """, n);
      assertEquals(10, steps(n, "planned").size());
      assertEquals(10, viewPlanned(n).size());
    }
    // b: signing replans; its old rows give way to one lazy row, the sign steps no longer carried.
    clock.set(MONDAY_10.plus(Duration.ofMinutes(10)));
    assertEquals(200, department(b, "sign", "hhht.housing").status());
    assertEquals(List.of(b + ":RESPOND:REMIND@03-02 22:00"), steps(b, "planned"));
    assertEquals(9, steps(b, "cancelled").size(), steps(b, "cancelled").toString());
    assertEquals(7, viewPlanned(b).size(), viewPlanned(b).toString());

    // a: all ten fire, once each; b: the seven of respond and resolve.
    fire(MONDAY_10.plus(Duration.ofDays(9)));
    assertEquals(10, steps(a, "fired").size(), steps(a, "fired").toString());
    assertEquals(List.of(), steps(a, "planned"));
    assertEquals(7, steps(b, "fired").size(), steps(b, "fired").toString());
    assertFalse(steps(b, "fired").stream().anyMatch(k -> k.startsWith(b + ":SIGN:")), steps(b, "fired").toString());
    for (String n : List.of(a, b)) {
      assertEquals(rows("SELECT count(*) FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id "
          + "WHERE t.number = ? AND e.details->>'step_key' IS NOT NULL", n),
          rows("SELECT count(DISTINCT e.details->>'step_key') FROM ticket_events e "
          + "JOIN tickets t ON t.id = e.ticket_id WHERE t.number = ? AND e.details->>'step_key' IS NOT NULL", n),
          "each step one event");
    }
  }
}
