package org.open12345.hotline.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.open12345.hotline.intake.IntakeTesting.ALIYUN_SECRET;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.open12345.hotline.deadline.ManualClock;
import org.open12345.hotline.intake.IntakeTesting;
import org.open12345.hotline.intake.WebhookGuards;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/** A server on simulated time and the steps the rating tests share: close a ticket, reply by SMS, drain the ladder. */
final class RatingTesting {
  /** Mon 2026-03-02 10:00 in Beijing: an ordinary week, no holiday within 15 days. */
  static final Instant MONDAY_10 = Instant.parse("2026-03-02T02:00:00Z");
  private static final AtomicInteger SEQ = new AtomicInteger();

  static final String[] OPERATOR = {"X-Hotline-Role", "OPERATOR", "X-Hotline-User", "wang.hf"};
  static final String[] SUPERVISOR = {"X-Hotline-Role", "SUPERVISOR", "X-Hotline-User", "zhao.dc"};

  /** A department's staff member, signed in (events name {@code <id>.staff}). */
  static String[] department(String id) {
    return new String[] {"X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", id, "X-Hotline-User", id + ".staff"};
  }

  final ManualClock clock = new ManualClock(MONDAY_10);
  final TestServer server;

  RatingTesting() {
    Map<String, String> config = IntakeTesting.config();
    config.put("escalation.scheduler_enabled", "false");
    config.put("outbox.relay_enabled", "false");
    config.put("escalation.supervisors_mail", "duban@example.gov.cn");
    this.server = TestServer.start(config, clock);
  }

  /** A ticket of {@code phone} dispatched to {@code department}, replied and closed: a rating round is open. */
  String closedTicket(String phone, String department) {
    Response created = server.postJson("/api/tickets", new JsonObject().put("citizen_phone", phone)
        .put("request_type", "投诉").put("description", "小区路灯不亮，晚上出行不便"), As.OPERATOR);
    assertEquals(201, created.status(), created.body());
    String number = created.json().getString("number");
    assertEquals(200, IntakeTesting.reply(server, number, department, "已派人维修").status());
    Response closed = server.post("/api/tickets/" + number + "/actions/close", "", "X-Hotline-Role", "DISPATCHER");
    assertEquals(200, closed.status(), closed.body());
    return number;
  }

  /** An SMS from {@code phone} through the Aliyun webhook, with a fresh provider id; returns that id. */
  String sms(String phone, String text) {
    String id = "r-" + SEQ.incrementAndGet();
    sms(phone, text, id);
    return id;
  }

  void sms(String phone, String text, String providerId) {
    String body = new JsonObject().put("phone_number", phone).put("content", text)
        .put("send_time", "2026-03-02 10:00:00").put("sequence_id", providerId).encode();
    Response r = server.post("/webhooks/sms/aliyun", "[" + body + "]", WebhookGuards.HEADER, ALIYUN_SECRET);
    assertEquals(200, r.status(), r.body());
  }

  /** Fires the due ladder steps as of {@code asOf}, the way the scheduler does. */
  int fire(Instant asOf) {
    try {
      return Await.result(server.server().features().escalation.scheduler().drain(asOf));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  JsonObject ratingsOf(String number) {
    Response r = server.get("/api/tickets/" + number + "/ratings", As.SUPERVISOR);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  /** The ticket's one 差评 case. */
  JsonObject caseOf(String number) {
    JsonArray cases = ratingsOf(number).getJsonArray("cases");
    assertEquals(1, cases.size(), cases.encode());
    return cases.getJsonObject(0);
  }

  Response caseAction(long caseId, String action, JsonObject body, String... headers) {
    return server.postJson("/api/rating-cases/" + caseId + "/" + action, body, headers);
  }

  /** Step keys of a case's plan with this status, by due time. */
  List<String> steps(long caseId, String status) {
    List<String> out = new ArrayList<>();
    String rows = IntakeTesting.text(server, "SELECT string_agg(key, ',' ORDER BY due_at, level, key) FROM escalation_steps "
        + "WHERE plan = ? AND status = ?", "rating_case:" + caseId, status);
    if (rows != null) {
      out.addAll(List.of(rows.split(",")));
    }
    return out;
  }

  List<String> actions(String number) {
    List<String> out = new ArrayList<>();
    server.get("/api/tickets/" + number, As.DISPATCHER).json().getJsonArray("timeline")
        .forEach(e -> out.add(((JsonObject) e).getString("action")));
    return out;
  }

  JsonArray sms(String number) {
    JsonArray out = new JsonArray();
    IntakeTesting.outboxOf(server, number).forEach(o -> {
      if ("sms".equals(((JsonObject) o).getString("channel"))) {
        out.add(o);
      }
    });
    return out;
  }

  void close() {
    server.close();
  }
}
