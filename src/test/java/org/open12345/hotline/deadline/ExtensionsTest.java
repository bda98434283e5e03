package org.open12345.hotline.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.open12345.hotline.deadline.DeadlineCalculatorTest.at;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.problem.Problem;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer.Response;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.ticket.TicketStatus;

/** 延期 rules: who may ask, in which states, and only before resolve-by. */
class ExtensionsTest {
  // Mon 2026-03-02 10:00 in Beijing.
  static final Instant MONDAY_10 = Instant.parse("2026-03-02T02:00:00Z");
  static final ManualClock clock = new ManualClock(MONDAY_10);
  static TestServer server;

  final TicketDeadlineRules rules = new TicketDeadlineRules(new DeadlineCalculator(WorkingCalendarTest.CAL, clock));
  final TicketDeadlines ordinary = rules.start("T1", TicketDeadlineRulesTest.ORDINARY, at("2026-03-02T10:00"));
  final Instant resolveBy = ordinary.resolveBy().orElseThrow();

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("escalation.scheduler_enabled", "false", "outbox.relay_enabled", "false"),
        clock);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Problem refused(String code, Problem.Kind kind, Executable call) {
    Problem p = assertThrows(Problem.class, call);
    assertEquals(code, p.code(), p.getMessage());
    assertEquals(kind, p.kind());
    return p;
  }

  @Test
  void aDepartmentAsksWhileItWorksOnTheTicketAndBeforeResolveBy() {
    for (TicketStatus s : new TicketStatus[] {TicketStatus.DISPATCHED, TicketStatus.SIGNED, TicketStatus.REOPENED}) {
      assertEquals(resolveBy, Extensions.extendable("T1", s, Optional.of(ordinary), resolveBy).dueAt(),
          "up to the deadline itself, in " + s);
    }
  }

  @Test
  void anExtensionIsNotAskedAfterTheDeadline() {
    refused("too_late", Problem.Kind.CONFLICT, () -> Extensions.extendable("T1", TicketStatus.SIGNED,
        Optional.of(ordinary), resolveBy.plusNanos(1000)));
  }

  @Test
  void anExtensionNeedsADepartmentAtWorkAndAnOpenResolveDeadline() {
    for (TicketStatus s : new TicketStatus[] {TicketStatus.RETURNED, TicketStatus.RECEIVED, TicketStatus.REPLIED}) {
      refused("wrong_state", Problem.Kind.CONFLICT,
          () -> Extensions.extendable("T1", s, Optional.of(ordinary), MONDAY_10));
    }
    refused("no_deadlines", Problem.Kind.CONFLICT,
        () -> Extensions.extendable("T1", TicketStatus.SIGNED, Optional.empty(), MONDAY_10));
    TicketDeadlines replied = rules.meet(ordinary, DeadlineKind.RESOLVE, at("2026-03-03T10:00"));
    refused("nothing_to_extend", Problem.Kind.CONFLICT,
        () -> Extensions.extendable("T1", TicketStatus.SIGNED, Optional.of(replied), MONDAY_10));
  }

  @Test
  void onlyADepartmentAsks() {
    Extensions.requireRequester(new Actor("d1", Role.DEPARTMENT, "hhht.housing"));
    refused("forbidden_action", Problem.Kind.FORBIDDEN,
        () -> Extensions.requireRequester(new Actor("x", Role.DISPATCHER, null)));
  }

  static String dispatched(String department) {
    Response r = server.postJson("/api/tickets", new JsonObject().put("citizen_phone", "13800138000")
        .put("request_type", "投诉").put("description", "小区门口道路破损多日无人修"), As.OPERATOR);
    assertEquals(201, r.status(), r.body());
    String number = r.json().getString("number");
    Response d = server.postJson("/api/tickets/" + number + "/actions/dispatch",
        new JsonObject().put("department_id", department), "X-Hotline-Role", "DISPATCHER");
    assertEquals(200, d.status(), d.body());
    return number;
  }

  static Response ask(String number, String department) {
    return server.postJson("/api/tickets/" + number + "/extensions",
        new JsonObject().put("days", 3).put("reason", "需要协调施工单位"),
        "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", department);
  }

  static void assertRefused(Response r, int status, String code) {
    assertEquals(status, r.status(), r.body());
    assertEquals(code, r.json().getString("error"), r.body());
  }

  @Test
  void overHttpTheRefusalsKeepTheirStatusAndCode() {
    clock.set(MONDAY_10);
    String n = dispatched("hhht.transport");
    // Another department's ticket answers as one that does not exist.
    assertRefused(ask(n, "hhht.housing"), 404, "not_found");
    assertRefused(server.postJson("/api/tickets/" + n + "/extensions",
        new JsonObject().put("days", 3).put("reason", "x"), "X-Hotline-Role", "DISPATCHER"), 403, "forbidden_action");
    assertRefused(ask("20990101999999", "hhht.transport"), 404, "not_found");

    clock.set(MONDAY_10.plus(Duration.ofDays(8)));
    assertRefused(ask(n, "hhht.transport"), 409, "too_late");

    clock.set(MONDAY_10);
    String returned = dispatched("hhht.transport");
    assertEquals(200, server.post("/api/tickets/" + returned + "/actions/return",
        "{\"reason\":\"职能不符\",\"note\":\"不属于本单位职责\"}", "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", "hhht.transport")
        .status());
    assertRefused(ask(returned, "hhht.transport"), 409, "wrong_state");

    Response ok = ask(n, "hhht.transport");
    assertEquals(201, ok.status(), ok.body());
    Response unknown = server.postJson("/api/tickets/" + n + "/extensions/" + (ok.json().getLong("id") + 1000)
        + "/approve", new JsonObject().put("reason", "同意"), "X-Hotline-Role", "DISPATCHER");
    assertRefused(unknown, 404, "not_found");
    Response refused = server.postJson("/api/tickets/" + n + "/extensions/" + ok.json().getLong("id") + "/refuse",
        new JsonObject().put("reason", "理由不充分"), "X-Hotline-Role", "DISPATCHER");
    assertEquals(200, refused.status(), refused.body());
    Response again = server.postJson("/api/tickets/" + n + "/extensions/" + ok.json().getLong("id") + "/approve",
        new JsonObject().put("reason", "同意"), "X-Hotline-Role", "DISPATCHER");
    assertRefused(again, 409, "already_decided");
  }
}
