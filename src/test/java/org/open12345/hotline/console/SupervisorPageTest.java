package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.console.ConsoleTesting.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.deadline.ManualClock;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/** The supervisor's page: overdue tickets in red, and the ladder's fired steps (催办, 督办, 通报). */
class SupervisorPageTest {
  // Mon 2026-03-02 10:00 in Beijing.
  static final Instant MONDAY_10 = Instant.parse("2026-03-02T02:00:00Z");
  static final ManualClock clock = new ManualClock(MONDAY_10);
  static final String[] SUPERVISOR = person("sun.db", "SUPERVISOR");
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

  @Test
  void anUnsignedTicketTurnsUpOverdueInRedAndItsSupervisionNoticeIsListed() throws Exception {
    String number = ticket(server, powerCut("13600000001", "停电 <script>x</script>"));
    clock.advance(Duration.ofHours(3));
    Response page = server.get("/console/supervisor", SUPERVISOR);
    assertEquals(200, page.status(), page.body());
    assertTrue(page.body().matches("(?s).*" + number + ".*class=\"countdown overdue\"[^>]*>已超时2小时30分<.*"),
        page.body());
    Response filtered = server.get("/console/supervisor?department=hhht.water", SUPERVISOR);
    assertFalse(filtered.body().contains(number), "filtered by department");

    Await.result(server.server().features().escalation.scheduler().drain(clock.instant()));
    Response steps = server.get("/console/supervisor?tab=steps", SUPERVISOR);
    assertEquals(200, steps.status(), steps.body());
    assertTrue(steps.body().contains(number) && steps.body().contains("督办"), steps.body());
  }
}
