package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.console.ConsoleTesting.*;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.intake.IntakeTesting;
import org.open12345.hotline.intake.WebhookGuards;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestServer;

/**
 * A call ringing at an extension pops on the screen of the operator seated there, whichever server
 * instance took the voice webhook (LISTEN/NOTIFY); the dispatchers' lists hear of requests the
 * same way.
 */
class CallPopTest {
  static TestServer a;
  static TestServer b;

  @BeforeAll
  static void start() {
    a = TestServer.start(IntakeTesting.config(), Clock.systemUTC());
    b = TestServer.start(a.database(), IntakeTesting.config(), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    b.close();
    a.close();
  }

  static List<String> listen(String... person) throws InterruptedException {
    return ConsoleTesting.listen(b, person);
  }

  static void seat(String[] person, String extension) {
    assertEquals(303, form(b, "/console/operator/seat", Map.of("csrf_token", csrf(b, person),
        "extension", extension), person).status());
  }

  static void call(String event, String callId, String from, String user) {
    JsonObject body = new JsonObject().put("event", event).put("direction", "in").put("callId", callId)
        .put("from", from).put("to", "12345").put("user", user);
    var r = a.post("/webhooks/voice/generic", body.encode(), WebhookGuards.HEADER, IntakeTesting.VOICE_SECRET);
    assertEquals(200, r.status(), r.body());
  }

  @Test
  void aCallRingingAtAnExtensionPopsOnlyOnTheScreenOfTheOperatorSeatedThere() throws InterruptedException {
    String[] chen = person("pop.chen", "OPERATOR");
    String[] liu = person("pop.liu", "OPERATOR");
    seat(chen, "8001");
    seat(liu, "8002");
    List<String> atChen = listen(chen);
    List<String> atLiu = listen(liu);

    call("newCall", "pop-1", "13900000001", "8001");
    Await.until(() -> atChen.contains("event: call"), Duration.ofSeconds(5));
    String data = atChen.stream().filter(l -> l.startsWith("data: <div")).findFirst().orElseThrow();
    assertTrue(data.contains("hx-get=\"/console/operator/caller?phone=13900000001&amp;call=pop-1&amp;provider=generic\""),
        data);
    assertTrue(data.contains("hx-trigger=\"load\""));

    // Liu's call after Chen's: once it arrived, Chen's would have too.
    call("newCall", "pop-2", "13900000002", "8002");
    Await.until(() -> atLiu.stream().anyMatch(l -> l.contains("phone=13900000002")), Duration.ofSeconds(5));
    assertFalse(atLiu.stream().anyMatch(l -> l.contains("13900000001")), "another extension's call");
    // The same call's answer pops again (a transferred call lands on the answering seat); a retry does not.
    call("newCall", "pop-1", "13900000001", "8001");
    call("answer", "pop-1", "13900000001", "8001");
    Await.until(() -> atChen.stream().filter(l -> l.contains("call=pop-1")).count() == 2, Duration.ofSeconds(5));
  }

  /** Found by bench/resilience (fuzz): a 9,000-byte call id made the NOTIFY fail and the webhook 500. */
  @Test
  void aCallIdTooLongForNotifyIsRecordedWithoutAPop() throws InterruptedException {
    String[] wang = person("pop.wang", "OPERATOR");
    seat(wang, "8003");
    List<String> atWang = listen(wang);
    String longId = "中".repeat(3000);
    call("answer", longId, "13900000004", "8003");
    call("newCall", "pop-after-long", "13900000005", "8003");
    Await.until(() -> atWang.stream().anyMatch(l -> l.contains("call=pop-after-long")), Duration.ofSeconds(5));
    assertFalse(atWang.stream().anyMatch(l -> l.contains("13900000004")), "no pop for the oversized event");
  }

  @Test
  void aRequestForTheCentreReachesTheDispatchersLists() throws InterruptedException {
    List<String> centre = listen(person("pop.pd", "DISPATCHER"));
    List<String> power = listen(departmentPerson("pop.power", "hhht.power"));
    String n = ticket(a, powerCut("13900000003", "停电"));
    var asked = a.postJson("/api/tickets/" + n + "/extensions", new JsonObject().put("days", 3).put("reason", "需协调"),
        "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", "hhht.power");
    assertEquals(201, asked.status(), asked.body());
    Await.until(() -> centre.contains("data: deadline_extensions"), Duration.ofSeconds(5));
    Await.until(() -> power.contains("data: " + n), Duration.ofSeconds(5));
    assertFalse(power.contains("event: desk"), "the centre's lists are not a department's business");
  }
}
