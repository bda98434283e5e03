package org.open12345.hotline.ticket;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.intake.IntakeTesting;
import org.open12345.hotline.problem.InvalidField;
import org.open12345.hotline.testing.TestServer;

/**
 * Tickets created by concurrent requests, on both paths (group commit by default; the single
 * path with -Dhotline.test.intake.batch=false): every request gets its own answer, a bad one
 * fails alone, numbers are unique and a later ticket gets a later number.
 */
class TicketCreationBatchTest {
  static TestServer server;
  static final Actor OPERATOR = new Actor("op-batch", Role.OPERATOR, null);

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static NewTicket draft(String phone, String category) {
    return new NewTicket(Channel.PHONE, phone, null, RequestType.COMPLAINT, null, category, null, null, null, null,
        "小区路灯不亮，晚上出行不便", null, null);
  }

  /** Starts every creation in one event-loop task, so with group commit they meet in one batch. */
  static List<CompletableFuture<Ticket>> createTogether(List<Supplier<Future<Ticket>>> creations) {
    List<CompletableFuture<Ticket>> answers = new ArrayList<>();
    creations.forEach(c -> answers.add(new CompletableFuture<>()));
    server.server().vertx().getOrCreateContext().runOnContext(v -> {
      for (int i = 0; i < creations.size(); i++) {
        CompletableFuture<Ticket> a = answers.get(i);
        creations.get(i).get().onSuccess(a::complete).onFailure(a::completeExceptionally);
      }
    });
    CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).handle((x, e) -> null)
        .orTimeout(30, TimeUnit.SECONDS).join();
    return answers;
  }

  static boolean batching() {
    return server.server().features().tickets.creationsShared();
  }

  @Test
  void aBadTicketAmongConcurrentOnesFailsAloneAndTheOthersAreStored() {
    TicketService tickets = server.server().features().tickets;
    List<Supplier<Future<Ticket>>> creations = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String phone = "1390000100" + i;
      String category = i == 3 ? "999999" : null;
      creations.add(() -> tickets.create(draft(phone, category), OPERATOR));
    }
    List<CompletableFuture<Ticket>> answers = createTogether(creations);
    Throwable refused = assertThrows(Exception.class, () -> answers.get(3).join()).getCause();
    assertInstanceOf(InvalidField.class, refused);
    assertEquals(0, IntakeTesting.count(server, "SELECT count(*) FROM tickets WHERE citizen_phone = '13900001003'"));
    for (int i : new int[] {0, 1, 2, 4, 5}) {
      Ticket t = answers.get(i).join();
      assertEquals("1390000100" + i, t.citizenPhone());
      assertEquals(1, IntakeTesting.count(server, "SELECT count(*) FROM tickets WHERE number = ?", t.number()));
    }
    // the five good ones committed together (group commit) or each on its own (single path)
    long transactions = IntakeTesting.count(server,
        "SELECT count(DISTINCT xmin::text) FROM tickets WHERE citizen_phone LIKE '1390000100%'");
    assertEquals(batching() ? 1 : 5, transactions);
  }

  /**
   * Two sequences give a ticket its id and its serial, so concurrent creations may draw them in
   * different orders (on either path: two sessions' nextval calls interleave). What a centre relies
   * on is that numbers are unique and that a ticket created after another was answered has the
   * later number; among tickets created at the same moment there is no order to keep.
   */
  @Test
  void numbersOfConcurrentTicketsAreUniqueAndLaterTicketsGetLaterNumbers() {
    TicketService tickets = server.server().features().tickets;
    List<List<String>> waves = new ArrayList<>();
    for (int wave = 0; wave < 2; wave++) {
      List<Supplier<Future<Ticket>>> creations = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String phone = String.format("13900002%d%02d", wave, i);
        creations.add(() -> tickets.create(draft(phone, null), OPERATOR));
      }
      waves.add(createTogether(creations).stream().map(f -> f.join().number()).toList());
    }
    List<String> all = new ArrayList<>(waves.get(0));
    all.addAll(waves.get(1));
    assertEquals(40, all.stream().distinct().count(), "numbers are unique");
    all.forEach(n -> assertTrue(TicketNumber.looksValid(n), n));
    String lastOfFirst = waves.get(0).stream().max(String::compareTo).orElseThrow();
    String firstOfSecond = waves.get(1).stream().min(String::compareTo).orElseThrow();
    assertTrue(firstOfSecond.compareTo(lastOfFirst) > 0,
        "the second wave, started after the first was answered, numbers after it: " + waves);
    assertEquals(40, IntakeTesting.count(server,
        "SELECT count(DISTINCT number) FROM tickets WHERE citizen_phone ~ '^13900002[01]'"));
  }

  @Test
  void routedTicketsAreStoredDispatchedWithTheirLogInTheOrderOfTheirChanges() throws Exception {
    // Counts the UPDATEs of tickets: with group commit a ticket routing dispatches on creation is
    // written dispatched (no insert-then-update); the single path inserts, then dispatches.
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(server.database().jdbcUrl(),
        server.database().user(), server.database().password()); java.sql.Statement st = c.createStatement()) {
      st.execute("""
          CREATE TABLE IF NOT EXISTS test_ticket_updates (id bigint);
          CREATE OR REPLACE FUNCTION test_count_ticket_update() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN INSERT INTO test_ticket_updates VALUES (NEW.id); RETURN NULL; END $$;
          DROP TRIGGER IF EXISTS test_ticket_updates ON tickets;
          CREATE TRIGGER test_ticket_updates AFTER UPDATE ON tickets FOR EACH ROW
            EXECUTE FUNCTION test_count_ticket_update();
          """);
    }
    TicketService tickets = server.server().features().tickets;
    List<Supplier<Future<Ticket>>> creations = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String phone = "1390000300" + i;
      creations.add(() -> tickets.create(new NewTicket(Channel.PHONE, phone, null, RequestType.COMPLAINT, null,
          "020201", null, null, null, null, "小区停电三个小时了", null, null), OPERATOR));
    }
    List<Ticket> created = createTogether(creations).stream().map(CompletableFuture::join).toList();
    for (Ticket t : created) {
      assertEquals(TicketStatus.DISPATCHED, t.status(), "the answer is the ticket as dispatched");
      assertEquals(t.status().name(), IntakeTesting.text(server, "SELECT status FROM tickets WHERE id = ?", t.id()));
      assertEquals(t.departmentId(),
          IntakeTesting.text(server, "SELECT department_id FROM tickets WHERE id = ?", t.id()));
      String log = IntakeTesting.text(server,
          "SELECT string_agg(action, ',' ORDER BY id) FROM ticket_events WHERE ticket_id = ?", t.id());
      assertTrue(log.startsWith("CREATE,ROUTE,DISPATCH,"), log);
      assertTrue(log.endsWith("DEADLINES_SET"), log);
    }
    long updates = IntakeTesting.count(server,
        "SELECT count(*) FROM test_ticket_updates u JOIN tickets t ON t.id = u.id WHERE t.citizen_phone LIKE '139000030%'");
    assertEquals(batching() ? 0 : 5, updates);
  }
}
