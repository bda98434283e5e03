package org.open12345.hotline.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.db.DatabaseUrl;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestDatabase;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;
import org.open12345.hotline.testing.As;

/**
 * The "done when": with calendar/2026.yaml removed from a copy of the rules, tickets still
 * get working-day deadlines, provisional, that skip 2026's statutory days; putting the file back
 * recounts each open one once, on every instance's watch.
 */
class ProvisionalYearServerTest {
  // Fri 2026-01-30 10:00 in Beijing: a 15-working-day deadline runs over the Spring Festival.
  static final Instant FRIDAY = Instant.parse("2026-01-30T02:00:00Z");
  static final Path SHIPPED_2026 = Path.of("routing-rules/calendar/2026.yaml");

  static Path rulesWithout2026() throws IOException {
    Path copy = Files.createTempDirectory("rules-without-2026-");
    Path from = Path.of("routing-rules");
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path to = copy.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Files.delete(copy.resolve("calendar/2026.yaml"));
    return copy;
  }

  static Map<String, String> settings(Path rules) {
    Map<String, String> o = new HashMap<>();
    o.put("routing.dir", rules.toString());
    o.put("routing.reload_interval", "0.2s");
    o.put("escalation.scheduler_enabled", "false");
    o.put("outbox.relay_enabled", "false");
    return o;
  }

  /** A 预付卡 complaint: routing dispatches it to 市场监管 under the complex policy (resolve 15wd). */
  static String complexTicket(TestServer s, int i) {
    Response r = s.postJson("/api/tickets", new JsonObject().put("citizen_phone", "1380000" + (1000 + i))
        .put("request_type", "投诉").put("category_code", "040202").put("description", "预付卡商家跑路 " + i), As.OPERATOR);
    assertEquals(201, r.status(), r.body());
    assertEquals("DISPATCHED", r.json().getString("status"), r.body());
    return r.json().getString("number");
  }

  static JsonObject deadline(TestServer s, String number, String kind) {
    Response r = s.get("/api/tickets/" + number + "/deadlines", As.DISPATCHER);
    assertEquals(200, r.status(), r.body());
    return r.json().getJsonArray("deadlines").stream().map(JsonObject.class::cast)
        .filter(d -> d.getString("kind").equals(kind)).findFirst().orElseThrow(() -> new AssertionError(r.body()));
  }

  static List<JsonObject> events(TestServer s, String number, String action) {
    Response r = s.get("/api/tickets/" + number, As.DISPATCHER);
    assertEquals(200, r.status(), r.body());
    return r.json().getJsonArray("timeline").stream().map(JsonObject.class::cast)
        .filter(e -> e.getString("action").equals(action)).toList();
  }

  static List<String> readyNotes(TestServer s) {
    Response r = s.get("/ready");
    assertEquals(200, r.status(), r.body());
    return r.json().getJsonArray("notes").stream().map(String::valueOf).toList();
  }

  @Test
  void withoutThe2026FileTicketsGetProvisionalDeadlinesAndTheFileRecountsThemOnce() throws Exception {
    Path rules = rulesWithout2026();
    ManualClock clock = new ManualClock(FRIDAY);
    try (TestServer s = TestServer.start(settings(rules), clock)) {
      assertTrue(readyNotes(s).stream().anyMatch(n -> n.startsWith("2026 is provisional")), readyNotes(s).toString());
      assertTrue(readyNotes(s).stream().anyMatch(n -> n.startsWith("2027 is provisional")), readyNotes(s).toString());

      String open = complexTicket(s, 1);
      String replied = complexTicket(s, 2);
      for (String action : List.of("sign", "contact", "reply")) {
        assertEquals(200, s.post("/api/tickets/" + replied + "/actions/" + action, "{}", "X-Hotline-Role", "DEPARTMENT",
            "X-Hotline-Department", "hhht.market").status());
      }

      // After Fri 01-30: 02-02..02-13 (10), 除夕..初三 02-16..19 off, 02-20 (11), 23..26 (15). The
      // official schedule's 02-20 and 02-23 days off and worked Saturday 02-14 are not guessed.
      JsonObject resolve = deadline(s, open, "RESOLVE");
      assertEquals("2026-02-26T15:59:59.999999Z", resolve.getString("due_at"), resolve.encode());
      assertTrue(resolve.getBoolean("provisional"));
      assertEquals(new JsonArray().add(2026), resolve.getJsonArray("provisional_years"));
      assertFalse(deadline(s, open, "SIGN").getBoolean("provisional"), "2h needs no calendar");
      JsonObject set = events(s, open, "DEADLINES_SET").get(0).getJsonObject("details");
      assertEquals(new JsonArray().add(2026), set.getJsonArray("provisional_years"), "the ticket log says so");
      assertTrue(set.getJsonObject("deadlines").getJsonObject("RESOLVE").getBoolean("provisional"));

      Files.copy(SHIPPED_2026, rules.resolve("calendar/2026.yaml"));
      Await.until(() -> !events(s, open, "DEADLINES_RECOMPUTED").isEmpty());

      // Official: 02-14 (Sat) worked, 02-15..23 off: 02-02..13 (10), 14 (11), 24..27 (15).
      resolve = deadline(s, open, "RESOLVE");
      assertEquals("2026-02-27T15:59:59.999999Z", resolve.getString("due_at"));
      assertFalse(resolve.getBoolean("provisional"));
      JsonObject recount = events(s, open, "DEADLINES_RECOMPUTED").get(0).getJsonObject("details");
      assertEquals(new JsonArray().add(2026), recount.getJsonArray("calendar_years"));
      assertEquals("2026-02-26T15:59:59.999999Z",
          recount.getJsonArray("moved").getJsonObject(0).getString("old_due_at"));
      JsonArray steps = s.get("/api/tickets/" + open + "/deadlines", As.DISPATCHER).json().getJsonArray("steps");
      assertTrue(steps.stream().map(JsonObject.class::cast).anyMatch(st -> st.getString("key")
          .equals(open + ":RESOLVE:SUPERVISE") && st.getString("due_at").equals("2026-02-27T15:59:59.999999Z")
          && st.getString("status").equals("planned")), "the ladder is re-planned: " + steps.encode());

      assertEquals(0, Await.result(s.server().features().deadlines.recountOfficialYears()), "nothing left");
      assertEquals(1, events(s, open, "DEADLINES_RECOMPUTED").size(), "recounted once");
      assertEquals(List.of(), events(s, replied, "DEADLINES_RECOMPUTED"), "a met deadline is done with");
      // The calendar's notes (the others say which messages the default config cannot deliver).
      List<String> calendarNotes = readyNotes(s).stream().filter(n -> n.contains("calendar")).toList();
      assertEquals(1, calendarNotes.size(), readyNotes(s).toString());
      assertTrue(calendarNotes.get(0).startsWith("2027 is provisional"));

      // A malformed file is refused: the calendar in force stays, /ready says why.
      Files.writeString(rules.resolve("calendar/2027.yaml"), "year: 2027\nsource: x\nholidays:\n  - name: 元旦\n"
          + "    from: 2027-13-01\n    to: 2027-01-01\n");
      Await.until(() -> readyNotes(s).stream().anyMatch(n -> n.contains("refused") && n.contains("2027.yaml:5")));
      assertTrue(readyNotes(s).stream().anyMatch(n -> n.startsWith("2027 is provisional")));
      String later = complexTicket(s, 3);
      assertEquals(List.of(), deadline(s, later, "RESOLVE").getJsonArray("provisional_years", new JsonArray()).getList());
      Files.delete(rules.resolve("calendar/2027.yaml"));
      Await.until(() -> readyNotes(s).stream().filter(n -> n.contains("calendar")).count() == 1);
    }
  }

  @Test
  void theRecountRunsAtTheFirstLookAndAfterEachAppliedCalendarNotAtEveryLook() throws Exception {
    Path rules = rulesWithout2026();
    try (TestServer s = TestServer.start(settings(rules), new ManualClock(FRIDAY))) {
      DeadlineFeature deadlines = s.server().features().deadlines;
      Await.until(() -> deadlines.calendarRecountRunsAndLooks()[1] >= 5);
      assertEquals(1, deadlines.calendarRecountRunsAndLooks()[0], "five looks at an unchanged folder, one recount");
      Files.copy(SHIPPED_2026, rules.resolve("calendar/2026.yaml"));
      Await.until(() -> deadlines.calendarRecountRunsAndLooks()[0] == 2);
      int looks = deadlines.calendarRecountRunsAndLooks()[1];
      Await.until(() -> deadlines.calendarRecountRunsAndLooks()[1] >= looks + 3);
      assertEquals(2, deadlines.calendarRecountRunsAndLooks()[0], "the applied file, then quiet again");
    }
  }

  @Test
  void threeInstancesRecountEachTicketOnce() throws Exception {
    Path rules = rulesWithout2026();
    ManualClock clock = new ManualClock(FRIDAY);
    DatabaseUrl db = TestDatabase.freshDatabase();
    List<TestServer> servers = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        servers.add(TestServer.start(db, settings(rules), clock));
      }
      List<String> numbers = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        numbers.add(complexTicket(servers.get(i % 3), i));
      }
      Files.copy(SHIPPED_2026, rules.resolve("calendar/2026.yaml"));
      TestServer any = servers.get(0);
      Await.until(() -> numbers.stream().allMatch(n -> !events(any, n, "DEADLINES_RECOMPUTED").isEmpty()),
          Duration.ofSeconds(60));
      for (TestServer s : servers) {
        assertEquals(0, Await.result(s.server().features().deadlines.recountOfficialYears()));
      }
      for (String n : numbers) {
        assertEquals(1, events(any, n, "DEADLINES_RECOMPUTED").size(), n);
        assertEquals("2026-02-27T15:59:59.999999Z", deadline(any, n, "RESOLVE").getString("due_at"));
      }
    } finally {
      servers.forEach(TestServer::close);
    }
  }
}
