package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.console.ConsoleTesting.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
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
  static final HttpClient http = HttpClient.newHttpClient();

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

  /** Lines of b's event stream for this person, collected as they arrive. */
  static List<String> listen(String... person) throws InterruptedException {
    List<String> lines = new CopyOnWriteArrayList<>();
    String cookie = null;
    String[] real = b.credentials(person);
    for (int i = 0; i + 1 < real.length; i += 2) {
      if (real[i].equals("Cookie")) {
        cookie = real[i + 1];
      }
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(b.url("/console/events"))).header("Cookie", cookie)
        .header("Accept", "text/event-stream").GET().build();
    CompletableFuture<HttpResponse<Stream<String>>> response = http.sendAsync(request,
        HttpResponse.BodyHandlers.ofLines());
    response.thenAccept(r -> {
      lines.add("status " + r.statusCode() + " " + r.headers().firstValue("Content-Type").orElse(""));
      r.body().forEach(lines::add);
    });
    Await.until(() -> lines.stream().anyMatch(l -> l.startsWith("retry:")), Duration.ofSeconds(10));
    return lines;
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
