package org.open12345.hotline.evaluation;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.intake.IntakeTesting.*;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.evaluation.RatingService.Answer;
import org.open12345.hotline.evaluation.RatingService.Status;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestServer.Response;
import org.open12345.hotline.testing.TestServer;

/**
 * The rating rules, called as the intake channels call them (in their transaction): the first
 * answer counts, a later one is kept as duplicate, a 差评 asks for a callback within 48 hours, a
 * late answer never counts, and a call's keypad answer seen again is not stored twice.
 */
class RatingServiceTest {
  static TestServer server;
  static RatingService ratings;
  static final AtomicInteger seq = new AtomicInteger();

  @BeforeAll
  static void start() {
    server = TestServer.start(config(), java.time.Clock.systemUTC());
    ratings = server.server().features().evaluation.ratings();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static <T> T inTx(Function<SqlConnection, Future<T>> work) throws Exception {
    return Await.result(server.server().pool().withTransaction(work::apply));
  }

  /** A ticket and an open prompt about it: [ticket id, prompt id]. */
  static long[] prompted() throws Exception {
    String phone = "1370000" + String.format("%04d", seq.incrementAndGet());
    Response created = server.postJson("/api/tickets", new JsonObject().put("citizen_phone", phone)
        .put("request_type", "投诉").put("description", "噪音扰民"), As.OPERATOR);
    assertEquals(201, created.status(), created.body());
    String number = created.json().getString("number");
    long prompt = inTx(tx -> server.server().features().tickets.repository().findByNumber(tx, number)
        .compose(t -> server.server().features().evaluation.prompts().open(tx, t.orElseThrow(), phone)));
    return new long[] {ticketId(server, number), prompt};
  }

  static NewRating sms(long[] p, RatingLevel level) {
    return new NewRating(p[0], null, p[1], null, level, "sms", level.label(), "HIGH");
  }

  static List<String> actions(long ticketId) {
    String all = text(server, "SELECT string_agg(action, ',' ORDER BY id) FROM ticket_events WHERE ticket_id = ? "
        + "AND action LIKE '%RAT%'", ticketId);
    return all == null ? List.of() : List.of(all.split(","));
  }

  @Test
  void theFirstAnswerCountsAndALaterOneIsKeptAsDuplicate() throws Exception {
    long[] p = prompted();
    Answer first = inTx(tx -> ratings.answer(tx, sms(p, RatingLevel.VERY_SATISFIED)));
    assertTrue(first.isFirst());
    assertEquals(RatingLevel.VERY_SATISFIED, first.counted());
    Answer second = inTx(tx -> ratings.answer(tx, sms(p, RatingLevel.DISSATISFIED)));
    assertFalse(second.isFirst());
    assertEquals(Status.DUPLICATE, second.stored().status());
    assertEquals(RatingLevel.VERY_SATISFIED, second.counted(), "the first answer stays counted");
    assertEquals("VERY_SATISFIED", text(server,
        "SELECT level FROM ratings WHERE prompt_id = ? AND status = 'counted'", p[1]));
    assertEquals(1, count(server, "SELECT count(*) FROM ratings WHERE prompt_id = ? AND status = 'duplicate'", p[1]));
    assertEquals(List.of("RATE", "RATE_DUPLICATE"), actions(p[0]), "a duplicate 差评 asks for no callback");
  }

  @Test
  void aCountedBadRatingAsksForACallbackWithin48Hours() throws Exception {
    long[] p = prompted();
    Answer a = inTx(tx -> ratings.answer(tx, sms(p, RatingLevel.VERY_DISSATISFIED)));
    assertTrue(a.isFirst());
    assertEquals(1, count(server, "SELECT count(*) FROM ratings WHERE id = ? AND bad AND follow_up_required",
        a.stored().id()));
    assertEquals(List.of("RATE", "BAD_RATING", "RATING_CASE_OPENED"), actions(p[0]),
        "the 差评 opens its follow-up case in the same transaction");
    Instant at = Instant.parse(text(server, "SELECT to_json(at)#>>'{}' FROM ticket_events WHERE ticket_id = ? "
        + "AND action = 'BAD_RATING'", p[0]));
    Instant due = Instant.parse(text(server, "SELECT details->>'callback_due' FROM ticket_events "
        + "WHERE ticket_id = ? AND action = 'BAD_RATING'", p[0]));
    // The event's time is stored in microseconds; the due time in the details keeps Java's nanoseconds.
    assertEquals(Duration.ofHours(48), Duration.between(at, due.truncatedTo(ChronoUnit.MICROS)));
  }

  @Test
  void aLateAnswerIsKeptButNeverCounted() throws Exception {
    long[] p = prompted();
    RatingService.Stored late = inTx(tx -> ratings.late(tx, sms(p, RatingLevel.VERY_DISSATISFIED)));
    assertEquals(Status.LATE, late.status());
    assertEquals(0, count(server, "SELECT count(*) FROM ratings WHERE prompt_id = ? AND follow_up_required", p[1]));
    assertEquals(List.of("RATE_LATE"), actions(p[0]));
    Answer next = inTx(tx -> ratings.answer(tx, sms(p, RatingLevel.SATISFIED)));
    assertTrue(next.isFirst(), "a late answer does not take the prompt's counted place");
  }

  @Test
  void aCallsKeypadAnswerSeenAgainIsNotStoredTwice() throws Exception {
    String callId = "rating-service-" + seq.incrementAndGet();
    execute(server, "INSERT INTO calls (provider, call_id, created_at, updated_at) VALUES ('generic', ?, now(), now())",
        callId);
    long callPk = count(server, "SELECT id FROM calls WHERE call_id = ?", callId);
    NewRating satisfied = new NewRating(null, callPk, null, null, RatingLevel.SATISFIED, "keypad", "2", "HIGH");
    Optional<Answer> first = inTx(tx -> ratings.answerOnce(tx, satisfied));
    assertTrue(first.orElseThrow().isFirst());
    assertTrue(inTx(tx -> ratings.answerOnce(tx, satisfied)).isEmpty(), "the same answer decided again");
    NewRating basic = new NewRating(null, callPk, null, null, RatingLevel.BASIC, "keypad", "3", "HIGH");
    Answer changed = inTx(tx -> ratings.answerOnce(tx, basic)).orElseThrow();
    assertEquals(Status.DUPLICATE, changed.stored().status());
    assertEquals(RatingLevel.SATISFIED, changed.counted());
    assertEquals(2, count(server, "SELECT count(*) FROM ratings WHERE call_pk = ?", callPk));
  }
}
