package org.open12345.hotline.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestServer.Response;
import org.open12345.hotline.testing.TestServer;

/**
 * The shipped policies' warning points, end to end: routing names the policy, the deadline view
 * shows every reminder, and the ladder fires each one once (issue 9's bug: only the resolve
 * deadline's first warn_before reached the deadlines).
 */
class PolicyWarningsServerTest {
  // Mon 2026-03-02 10:00 in Beijing: daytime, so 020301 goes to the plain heating rule.
  static final Instant MONDAY_10 = Instant.parse("2026-03-02T02:00:00Z");
  static final ManualClock clock = new ManualClock(MONDAY_10);
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("escalation.scheduler_enabled", "false", "outbox.relay_enabled", "false"),
        clock);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String created(JsonObject draft) {
    Response r = server.postJson("/api/tickets", draft.put("citizen_phone", "13800138000").put("request_type", "投诉"),
        As.OPERATOR);
    assertEquals(201, r.status(), r.body());
    assertEquals("DISPATCHED", r.json().getString("status"), r.body());
    return r.json().getString("number");
  }

  static JsonObject view(String number) {
    Response r = server.get("/api/tickets/" + number + "/deadlines", As.DISPATCHER);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  static JsonObject deadline(JsonObject view, String kind) {
    for (Object o : view.getJsonArray("deadlines")) {
      if (((JsonObject) o).getString("kind").equals(kind)) {
        return (JsonObject) o;
      }
    }
    throw new AssertionError("no " + kind + " in " + view.encode());
  }

  static Instant instant(JsonObject o, String key) {
    return Instant.parse(o.getString(key));
  }

  static List<String> stepKeys(JsonObject view, String status) {
    List<String> out = new ArrayList<>();
    for (Object o : view.getJsonArray("steps")) {
      JsonObject s = (JsonObject) o;
      if (s.getString("status").equals(status)) {
        out.add(s.getString("key"));
      }
    }
    return out;
  }

  static int fire(Instant asOf) throws Exception {
    return Await.result(server.server().features().escalation.scheduler().drain(asOf));
  }

  @Test
  void aHeatingTicketIsRemindedTenMinutesBeforeSignBy() throws Exception {
    clock.set(MONDAY_10);
    String n = created(new JsonObject().put("category_code", "020301").put("description", "暖气不热，室温只有12度"));
    JsonObject v = view(n);
    assertEquals("utilities", v.getString("policy"));
    JsonObject sign = deadline(v, "SIGN");
    Instant signBy = instant(sign, "due_at");
    assertEquals(MONDAY_10.plus(Duration.ofMinutes(30)), signBy);
    assertEquals(signBy.minus(Duration.ofMinutes(10)), instant(sign, "warn_at"));
    assertEquals(new JsonArray().add(sign.getString("warn_at")), sign.getJsonArray("warnings"));
    JsonObject respond = deadline(v, "RESPOND");
    assertEquals(instant(respond, "due_at").minus(Duration.ofMinutes(30)), instant(respond, "warn_at"));
    JsonObject resolve = deadline(v, "RESOLVE");
    assertEquals(instant(resolve, "due_at").minus(Duration.ofHours(4)), instant(resolve, "warn_at"));

    fire(signBy.minus(Duration.ofMinutes(10)).minusSeconds(1));
    assertEquals(List.of(), stepKeys(view(n), "fired"));
    fire(signBy.minus(Duration.ofMinutes(10)));
    assertEquals(List.of(n + ":SIGN:REMIND"), stepKeys(view(n), "fired"));
    fire(signBy.minus(Duration.ofMinutes(5)));
    assertEquals(List.of(n + ":SIGN:REMIND"), stepKeys(view(n), "fired"), "once");
  }

  @Test
  void aCriticalTicketIsRemindedAtHalfTimeAndFourAndOneHourBeforeResolveBy() throws Exception {
    clock.set(MONDAY_10);
    String n = created(new JsonObject().put("description", "楼道里有很浓的燃气味，怀疑燃气泄漏"));
    JsonObject v = view(n);
    assertEquals("critical", v.getString("policy"));
    JsonObject resolve = deadline(v, "RESOLVE");
    Instant resolveBy = instant(resolve, "due_at");
    assertEquals(MONDAY_10.plus(Duration.ofHours(24)), resolveBy);
    List<Instant> warnings = resolve.getJsonArray("warnings").stream().map(o -> Instant.parse((String) o)).toList();
    assertEquals(List.of(resolveBy.minus(Duration.ofHours(12)), resolveBy.minus(Duration.ofHours(4)),
        resolveBy.minus(Duration.ofHours(1))), warnings);
    assertEquals(warnings.get(0), instant(resolve, "warn_at"), "warn_at is the earliest reminder");
    assertEquals(List.of(n + ":RESOLVE:REMIND@50%", n + ":RESOLVE:REMIND@4h", n + ":RESOLVE:REMIND@1h"),
        stepKeys(v, "planned").stream().filter(k -> k.contains(":RESOLVE:REMIND")).toList());

    fire(resolveBy.minus(Duration.ofHours(4)));
    fire(resolveBy.minus(Duration.ofHours(1)));
    fire(resolveBy.minus(Duration.ofMinutes(30)));
    assertEquals(List.of(n + ":RESOLVE:REMIND@50%", n + ":RESOLVE:REMIND@4h", n + ":RESOLVE:REMIND@1h"),
        stepKeys(view(n), "fired").stream().filter(k -> k.contains(":RESOLVE:REMIND")).toList());
    JsonArray timeline = server.get("/api/tickets/" + n, As.DISPATCHER).json().getJsonArray("timeline");
    long reminders = timeline.stream().filter(e -> ((JsonObject) e).getString("action").equals("REMIND")).count();
    assertEquals(5, reminders, "sign 1, respond 1, resolve 3: each one event");
  }
}
