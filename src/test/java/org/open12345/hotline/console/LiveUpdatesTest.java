package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.console.ConsoleTesting.*;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestServer;

/**
 * Live updates cross server instances: a ticket changed through instance A reaches a screen
 * whose event stream is served by instance B (two servers, one database, LISTEN/NOTIFY).
 */
class LiveUpdatesTest {
  static TestServer a;
  static TestServer b;

  @BeforeAll
  static void start() {
    a = TestServer.start();
    b = TestServer.start(a.database(), Map.of(), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    b.close();
    a.close();
  }

  static List<String> listen(String... person) throws InterruptedException {
    return ConsoleTesting.listen(b, person);
  }

  @Test
  void aChangeOnOneInstanceReachesAScreenOnAnotherAndOnlyWhereItMaySee() throws InterruptedException {
    List<String> power = listen(departmentPerson("live.power", "hhht.power"));
    List<String> water = listen(departmentPerson("live.water", "hhht.water"));
    List<String> centre = listen(person("live.pd", "DISPATCHER"));
    assertTrue(power.get(0).startsWith("status 200 text/event-stream"), power.get(0));

    String powerTicket = ticket(a, powerCut("13500000001", "停电"));
    Await.until(() -> power.contains("data: " + powerTicket), Duration.ofSeconds(5));
    Await.until(() -> centre.contains("data: " + powerTicket), Duration.ofSeconds(5));
    // The ticket's own page listens for the event named after it.
    Await.until(() -> centre.contains("event: ticket-" + powerTicket), Duration.ofSeconds(5));

    // A change water may see, after the power one: once it arrived, the power one would have too.
    String waterTicket = ticket(a, powerCut("13500000002", "停水"));
    a.postJson("/api/tickets/" + waterTicket + "/actions/dispatch",
        new io.vertx.core.json.JsonObject().put("department_id", "hhht.water"), As.DISPATCHER);
    Await.until(() -> water.contains("data: " + waterTicket), Duration.ofSeconds(5));
    assertFalse(water.contains("data: " + powerTicket), "another department's ticket is never announced");
    assertFalse(water.contains("event: ticket-" + powerTicket));
    assertTrue(power.contains("data: " + waterTicket), "the queue it left is told too");
  }

  @Test
  void withoutASessionThereIsNoStream() {
    assertEquals(303, a.get("/console/events").status());
  }
}
