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
 * fails alone, numbers are unique and follow the order of creation.
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

  @Test
  void numbersOfConcurrentTicketsAreUniqueAndInTheOrderOfCreation() {
    TicketService tickets = server.server().features().tickets;
    List<Supplier<Future<Ticket>>> creations = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String phone = String.format("139000020%02d", i);
      creations.add(() -> tickets.create(draft(phone, null), OPERATOR));
    }
    List<String> numbers = createTogether(creations).stream().map(f -> f.join().number()).toList();
    assertEquals(20, numbers.stream().distinct().count());
    List<String> byId = List.of(IntakeTesting.text(server,
        "SELECT string_agg(number, ',' ORDER BY id) FROM tickets WHERE citizen_phone LIKE '139000020%'").split(","));
    assertEquals(byId.stream().sorted().toList(), byId, "numbers follow the ticket ids");
    assertEquals(20, byId.size());
  }
}
