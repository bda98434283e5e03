package org.open12345.hotline.db;

import static org.junit.jupiter.api.Assertions.*;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestDatabase;

/** The group-commit mechanism on plain SQL: what intake's batch path relies on. */
class GroupCommitTest {
  static Vertx vertx;
  static Pool pool;
  static PgConnectOptions database;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    database = PgConnectOptions.fromUri(TestDatabase.freshDatabase().uri());
    pool = Pool.pool(vertx, database, new PoolOptions().setMaxSize(4));
    await(pool.query("""
        CREATE TABLE items (k text PRIMARY KEY, v int NOT NULL, tx bigint NOT NULL DEFAULT txid_current());
        CREATE FUNCTION refuse_minus_one() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN IF NEW.v = -1 THEN RAISE EXCEPTION 'refused at commit'; END IF; RETURN NULL; END $$;
        CREATE CONSTRAINT TRIGGER at_commit AFTER INSERT ON items DEFERRABLE INITIALLY DEFERRED
          FOR EACH ROW EXECUTE FUNCTION refuse_minus_one();
        CREATE TABLE insert_statements (tx bigint NOT NULL DEFAULT txid_current());
        CREATE FUNCTION count_statement() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN INSERT INTO insert_statements DEFAULT VALUES; RETURN NULL; END $$;
        CREATE TRIGGER counted AFTER INSERT ON items FOR EACH STATEMENT EXECUTE FUNCTION count_statement();
        CREATE SEQUENCE serials;
        """).execute());
  }

  @AfterAll
  static void stop() {
    await(pool.close());
    await(vertx.close());
  }

  @BeforeEach
  void empty() {
    await(pool.query("TRUNCATE items, insert_statements").execute());
  }

  static final String ROWS = "INSERT INTO items (k, v) SELECT * FROM unnest($1::text[], $2::int[])";

  /** A unit that leaves one row for the batch's multi-row statement (or writes it at once, alone). */
  static Function<SqlConnection, Future<Void>> deferred(String k) {
    return tx -> DeferredRows.write(tx, ROWS, new String[] {k}, new Integer[] {1});
  }

  static long statements() {
    return await(pool.query("SELECT count(*) FROM insert_statements").execute()).iterator().next().getLong(0);
  }

  static GroupCommit batching(int maxItems) {
    return new GroupCommit(pool, new GroupCommit.Settings(true, maxItems, Duration.ofMillis(50)));
  }

  static Function<SqlConnection, Future<Long>> insert(String k, int v) {
    return tx -> tx.preparedQuery("INSERT INTO items (k, v) VALUES ($1, $2) RETURNING tx").execute(Tuple.of(k, v))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** Submits every unit from one event-loop task (so they meet in one queue) and waits for all answers. */
  static <T> List<CompletableFuture<T>> submitTogether(GroupCommit gc, List<Function<SqlConnection, Future<T>>> units) {
    return submitTogether(vertx.getOrCreateContext(), gc, units);
  }

  /** As above, on {@code context}: its lane (e.g. several batches of one lane, one after the other). */
  static <T> List<CompletableFuture<T>> submitTogether(Context context, GroupCommit gc,
      List<Function<SqlConnection, Future<T>>> units) {
    List<CompletableFuture<T>> answers = new ArrayList<>();
    units.forEach(u -> answers.add(new CompletableFuture<>()));
    context.runOnContext(v -> {
      for (int i = 0; i < units.size(); i++) {
        CompletableFuture<T> a = answers.get(i);
        gc.inTransaction(units.get(i)).onComplete(r -> {
          if (r.succeeded()) {
            a.complete(r.result());
          } else {
            a.completeExceptionally(r.cause());
          }
        });
      }
    });
    CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).handle((x, e) -> null).join();
    return answers;
  }

  static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static long count(String where) {
    return await(pool.query("SELECT count(*) FROM items WHERE " + where).execute()).iterator().next().getLong(0);
  }

  @Test
  void unitsSubmittedTogetherShareOneTransactionAndAreAnsweredAfterItsCommit() {
    GroupCommit gc = batching(64);
    List<CompletableFuture<Long>> visible = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      visible.add(new CompletableFuture<>());
    }
    vertx.getOrCreateContext().runOnContext(v -> {
      for (int i = 0; i < 5; i++) {
        String k = "k" + i;
        CompletableFuture<Long> seen = visible.get(i);
        // at the moment the answer arrives, another connection must already see the row
        gc.inTransaction(insert(k, 1))
            .compose(tx -> pool.preparedQuery("SELECT count(*) FROM items WHERE k = $1").execute(Tuple.of(k)))
            .onSuccess(rows -> seen.complete(rows.iterator().next().getLong(0)))
            .onFailure(seen::completeExceptionally);
      }
    });
    visible.forEach(seen -> assertEquals(1L, seen.orTimeout(20, TimeUnit.SECONDS).join(),
        "answered before its commit was visible"));
    assertEquals(1L, await(pool.query("SELECT count(DISTINCT tx) FROM items").execute()).iterator().next().getLong(0));
    assertEquals(5L, count("true"));
  }

  /**
   * With max_in_flight 1, requests arriving one by one while a batch is being written wait for it
   * (past max_wait) and then go together; without the limit each would have gone in a batch of its
   * own once its max_wait ran out.
   */
  @Test
  void withOneBatchInFlightTheLaterUnitsWaitForItAndGoTogether() {
    GroupCommit gc = new GroupCommit(pool, new GroupCommit.Settings(true, 64, Duration.ofMillis(1), 1));
    io.vertx.core.Promise<Void> gate = io.vertx.core.Promise.promise();
    List<CompletableFuture<Long>> answers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      answers.add(new CompletableFuture<>());
    }
    io.vertx.core.Context context = vertx.getOrCreateContext();
    context.runOnContext(v -> {
      Function<SqlConnection, Future<Long>> held = tx -> gate.future().compose(x -> insert("held", 1).apply(tx));
      gc.inTransaction(held).onComplete(r -> answers.get(0).complete(r.succeeded() ? r.result() : null));
      // five later requests, 20 ms apart (20 times max_wait), while the first batch is held open
      for (int i = 1; i <= 5; i++) {
        int n = i;
        vertx.setTimer(20L * n, t -> gc.inTransaction(insert("later" + n, 1))
            .onComplete(r -> answers.get(n).complete(r.succeeded() ? r.result() : null)));
      }
      vertx.setTimer(20L * 6, t -> gate.complete());
    });
    CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).orTimeout(20, TimeUnit.SECONDS).join();
    assertEquals(6L, count("true"));
    assertEquals(1L, await(pool.query("SELECT count(DISTINCT tx) FROM items WHERE k LIKE 'later%'").execute())
        .iterator().next().getLong(0), "the five later units shared one transaction");
    assertNotEquals(answers.get(0).join(), answers.get(1).join(), "and it was not the held batch's");
  }

  @Test
  void oneBadUnitIsAnsweredAloneWithItsOwnErrorAndTheOthersAreStored() {
    await(pool.query("INSERT INTO items (k, v) VALUES ('taken', 0)").execute());
    List<CompletableFuture<Long>> answers = submitTogether(batching(64),
        List.of(insert("a", 1), insert("b", 1), insert("taken", 1), insert("c", 1), insert("d", 1)));
    Throwable refused = assertThrows(Exception.class, () -> answers.get(2).join()).getCause();
    assertTrue(UniqueViolation.is(refused), "the bad unit gets the single path's answer: " + refused);
    for (int i : new int[] {0, 1, 3, 4}) {
      assertNotNull(answers.get(i).join());
    }
    assertEquals(4L, count("v = 1"));
    // the four good ones were written again together, in one transaction
    assertEquals(1L, await(pool.query("SELECT count(DISTINCT tx) FROM items WHERE v = 1").execute())
        .iterator().next().getLong(0));
  }

  @Test
  void copiesOfOneClaimInTheSameBatchMakeOneRow() {
    List<Function<SqlConnection, Future<Boolean>>> copies = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      copies.add(tx -> tx.preparedQuery("INSERT INTO items (k, v) VALUES ('sms-1', 1) ON CONFLICT (k) DO NOTHING RETURNING k")
          .execute().map(rows -> rows.size() == 1));
    }
    List<CompletableFuture<Boolean>> claimed = submitTogether(batching(64), copies);
    assertEquals(1, claimed.stream().filter(CompletableFuture::join).count(), "one claim, eleven duplicates");
    assertEquals(1L, count("k = 'sms-1'"));
  }

  @Test
  void aBatchWhoseRowsTheClientRefusesIsNotRunAgain() {
    // The client refuses a multi-row write before sending it (a parameter it cannot encode, i.e. a
    // bug in a statement): the COMMIT, sent with it, stores the units' other statements without
    // those rows. Running the claim again would answer it as a duplicate of itself, so both
    // units fail instead.
    Function<SqlConnection, Future<Boolean>> claim = tx -> tx
        .preparedQuery("INSERT INTO items (k, v) VALUES ('claimed', 1) ON CONFLICT (k) DO NOTHING RETURNING k")
        .execute().map(rows -> rows.size() == 1);
    Function<SqlConnection, Future<Boolean>> unencodable = tx -> DeferredRows.write(tx, ROWS + " -- other",
        new String[] {"never"}, new UUID[] {UUID.randomUUID()}).map(true);
    List<CompletableFuture<Boolean>> answers = submitTogether(batching(64), List.of(claim, unencodable));
    assertThrows(Exception.class, answers.get(0)::join, "the claim is not answered as a duplicate of itself");
    assertThrows(Exception.class, answers.get(1)::join);
    assertEquals(0L, count("k = 'never'"));
  }

  @Test
  void aCheckDeferredToTheCommitRefusesOnlyItsOwnUnit() {
    // The batch runs its deferred checks before its COMMIT (SET CONSTRAINTS ALL IMMEDIATE): the
    // refusal rolls the batch back, every unit runs alone, and only the bad one is refused, at its
    // own commit.
    List<CompletableFuture<Long>> answers = submitTogether(batching(64),
        List.of(insert("x1", 1), insert("x2", 1), insert("late-refusal", -1), insert("x3", 1)));
    Throwable e = assertThrows(Exception.class, answers.get(2)::join).getCause();
    assertInstanceOf(PgException.class, e);
    for (int i : new int[] {0, 1, 3}) {
      assertNotNull(answers.get(i).join());
    }
    assertEquals(3L, count("true"));
    assertEquals(0L, count("k = 'late-refusal'"));
  }

  @Test
  void aBatchHoldsAtMostMaxItems() {
    List<Function<SqlConnection, Future<Long>>> units = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      units.add(insert("m" + i, 1));
    }
    submitTogether(batching(2), units).forEach(CompletableFuture::join);
    Row r = await(pool.query("SELECT count(DISTINCT tx), max(n) FROM (SELECT tx, count(*) n FROM items GROUP BY tx) s")
        .execute()).iterator().next();
    assertEquals(3L, r.getLong(0));
    assertEquals(2L, r.getLong(1));
  }

  @Test
  void switchedOffEveryUnitHasItsOwnTransaction() {
    List<Function<SqlConnection, Future<Long>>> units = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      units.add(insert("s" + i, 1));
    }
    submitTogether(GroupCommit.single(pool), units).forEach(CompletableFuture::join);
    assertEquals(4L, await(pool.query("SELECT count(DISTINCT tx) FROM items").execute()).iterator().next().getLong(0));
  }

  @Test
  void deferredRowsOfAllUnitsGoInOneStatementBeforeTheCommit() {
    List<Function<SqlConnection, Future<Void>>> units = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      units.add(deferred("d" + i));
    }
    submitTogether(batching(64), units).forEach(CompletableFuture::join);
    assertEquals(6L, count("k LIKE 'd%'"));
    assertEquals(1L, statements(), "six units' rows, one INSERT");
  }

  @Test
  void outsideABatchDeferredRowsAreWrittenAtOnce() {
    List<Function<SqlConnection, Future<Void>>> units = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      units.add(deferred("a" + i));
    }
    submitTogether(GroupCommit.single(pool), units).forEach(CompletableFuture::join);
    assertEquals(3L, count("k LIKE 'a%'"));
    assertEquals(3L, statements());
  }

  @Test
  void aUnitThatAsksForItsRowsToBeFlushedReadsThem() {
    Function<SqlConnection, Future<Long>> writesThenReads = tx -> DeferredRows.write(tx, ROWS,
            new String[] {"r1"}, new Integer[] {1})
        .compose(v -> DeferredRows.flushed(tx))
        .compose(v -> tx.preparedQuery("SELECT count(*) FROM items WHERE k = 'r1'").execute())
        .map(rows -> rows.iterator().next().getLong(0));
    List<CompletableFuture<Long>> answers = submitTogether(batching(64),
        List.of(writesThenReads, tx -> deferred("r2").apply(tx).map(0L)));
    assertEquals(1L, answers.get(0).join(), "the flushed row is visible to the statement after it");
    assertEquals(2L, count("k LIKE 'r%'"));
  }

  @Test
  void aFailedMultiRowWriteRunsEveryUnitAloneWithItsOwnAnswer() {
    // Two units leave the same key: the merged INSERT fails, nobody is to blame, so each unit
    // runs alone (concurrently): one copy is stored, the other gets the single path's unique
    // violation, and the other units are stored.
    List<CompletableFuture<Void>> answers = submitTogether(batching(64),
        List.of(deferred("u1"), deferred("same"), deferred("u2"), deferred("same")));
    answers.get(0).join();
    answers.get(2).join();
    List<Throwable> refused = new ArrayList<>();
    for (int i : new int[] {1, 3}) {
      try {
        answers.get(i).join();
      } catch (Exception e) {
        refused.add(e.getCause());
      }
    }
    assertEquals(1, refused.size(), "one copy stored, one refused");
    assertTrue(UniqueViolation.is(refused.get(0)), "the single path's answer: " + refused.get(0));
    assertEquals(3L, count("true"));
    assertEquals(1L, count("k = 'same'"));
  }

  /**
   * Waits on a connection: each answer that arrives after the client sent something ends one wait
   * for PostgreSQL. Split answers (several reads in a row) do not count twice.
   */
  static final class Waits extends ChannelDuplexHandler {
    private final AtomicInteger waits = new AtomicInteger();
    private volatile boolean sent;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (sent) {
        sent = false;
        waits.incrementAndGet();
      }
      ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      sent = true;
      ctx.write(msg, promise);
    }

    /** Starts counting again (call between batches, with nothing in flight). */
    void reset() {
      waits.set(0);
      sent = false;
    }

    int count() {
      return waits.get();
    }
  }

  /** A pool of one connection, made on {@code context} and counting its waits (prepared statements kept). */
  static Pool oneConnection(Context context, Waits waits) {
    // The connection is made on the context that submits the batches, so its reads and the
    // batches' answers run on one thread: a later answer cannot be counted before them.
    Pool one = Pool.pool(vertx, ValuePlans.caching(new PgConnectOptions(database)), new PoolOptions().setMaxSize(1));
    CompletableFuture<SqlConnection> made = new CompletableFuture<>();
    context.runOnContext(v -> one.getConnection().onComplete(r -> made.complete(r.result())));
    SqlConnection conn = made.join();
    PooledSocket.pipelineOf(conn).addFirst("test-waits", waits);
    await(conn.close());
    return one;
  }

  /** Submits the units from one task on {@code context}; the waits counted when all were answered. */
  static <T> int waitsUntilAnswered(Context context, GroupCommit gc, Waits waits,
      List<Function<SqlConnection, Future<T>>> units, List<T> answers) {
    CompletableFuture<Integer> waitsWhenAnswered = new CompletableFuture<>();
    context.runOnContext(v -> {
      List<Future<T>> pending = units.stream().map(gc::inTransaction).toList();
      // on the event loop, as the answers complete: nothing sent later is counted
      Future.all(pending).onComplete(done -> {
        if (done.succeeded()) {
          pending.forEach(f -> answers.add(f.result()));
        }
        waitsWhenAnswered.complete(done.succeeded() ? waits.count() : -1);
      });
    });
    return waitsWhenAnswered.join();
  }

  @Test
  void aBatchWhoseUnitsAskNothingIsAnsweredAfterOneWait() {
    Context context = vertx.getOrCreateContext();
    Waits waits = new Waits();
    Pool one = oneConnection(context, waits);
    try {
      GroupCommit gc = new GroupCommit(one, new GroupCommit.Settings(true, 64, Duration.ofMillis(50)));
      submitTogether(gc, List.of(deferred("w1"), deferred("w2"))).forEach(CompletableFuture::join); // prepares
      await(one.query("SELECT 1").execute()); // the pool's one connection is back, the batch ended
      waits.reset();
      int answeredAfter = waitsUntilAnswered(context, gc, waits,
          List.of(deferred("t1"), deferred("t2"), deferred("t3")), new ArrayList<>());
      assertEquals(3L, count("k LIKE 't%'"));
      // BEGIN, the deferral, the rows, the checks and the COMMIT in one write. Awaiting BEGIN,
      // and the rows before the checks, made it five; the client's own COMMIT, sent only once
      // the checks were answered, made it three; awaiting BEGIN before the rows, two.
      assertEquals(1, answeredAfter, "waits before a batch is answered");
    } finally {
      await(one.close());
    }
  }

  static final String SERIALS = "SELECT nextval('serials') FROM generate_series(1, $1)";

  /** A unit that takes a sequence value from the batch's block and leaves a row holding it. */
  static Function<SqlConnection, Future<Long>> numbered(String k) {
    return tx -> BatchValues.next(tx, SERIALS).compose(row -> {
      long serial = row.getLong(0);
      return DeferredRows.write(tx, ROWS, new String[] {k}, new Integer[] {(int) serial}).map(v -> serial);
    });
  }

  /** Values drawn ahead kept long enough for a slow test machine; the server keeps them 20 ms. */
  static GroupCommit keepingValuesAhead(Pool one) {
    return new GroupCommit(one, new GroupCommit.Settings(true, 64, Duration.ofMillis(50)), new SimpleMeterRegistry(),
        Duration.ofMinutes(1));
  }

  @Test
  void aBusyLanesNextBatchTakesTheValuesItsBatchDrewAheadAndWaitsOnce() {
    Context context = vertx.getOrCreateContext();
    Waits waits = new Waits();
    Pool one = oneConnection(context, waits);
    try {
      GroupCommit gc = keepingValuesAhead(one);
      List<Long> first = new ArrayList<>();
      int firstWaits = waitsUntilAnswered(context, gc, waits, List.of(numbered("a1"), numbered("a2")), first);
      assertTrue(firstWaits >= 2, "the first batch asks for its values: " + firstWaits);
      await(one.query("SELECT 1").execute());
      waits.reset();
      List<Long> second = new ArrayList<>();
      int secondWaits = waitsUntilAnswered(context, gc, waits,
          List.of(numbered("b1"), numbered("b2"), numbered("b3")), second);
      // the first batch drew four ahead (twice its two): BEGIN to COMMIT in one write
      assertEquals(1, secondWaits, "every value drawn ahead");
      await(one.query("SELECT 1").execute());
      waits.reset();
      List<Long> third = new ArrayList<>();
      List<Function<SqlConnection, Future<Long>>> eight = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        eight.add(numbered("c" + i));
      }
      int thirdWaits = waitsUntilAnswered(context, gc, waits, eight, third);
      // one left and five more drawn by the second batch (twice its three): two are asked for
      assertEquals(2, thirdWaits, "six of eight values drawn ahead, the rest asked for");
      List<Long> all = new ArrayList<>(first);
      all.addAll(second);
      all.addAll(third);
      for (int i = 1; i < all.size(); i++) {
        assertTrue(all.get(i) > all.get(i - 1), "values unique and in submission order: " + all);
      }
      assertEquals(13L, count("true"));
    } finally {
      await(one.close());
    }
  }

  @Test
  void aLoneUnitDrawsNothingAheadAndOldValuesAreNotUsed() {
    Context context = vertx.getOrCreateContext();
    Waits waits = new Waits();
    Pool one = oneConnection(context, waits);
    try {
      GroupCommit gc = keepingValuesAhead(one);
      List<Long> values = new ArrayList<>();
      waitsUntilAnswered(context, gc, waits, List.of(numbered("l1")), values);
      await(one.query("SELECT 1").execute()); // the batch has ended
      // one request at a time: nothing drawn ahead, which would only be dropped unused (a gap)
      long last = await(pool.query("SELECT last_value FROM serials").execute()).iterator().next().getLong(0);
      assertEquals(values.get(0), last, "the sequence's last value is the one used");
    } finally {
      await(one.close());
    }
    ValuesAhead ahead = new ValuesAhead(Duration.ofMillis(20));
    ahead.draw(pool, SERIALS, 2, 0);
    long kept = Duration.ofMillis(20).toNanos();
    assertNotNull(ahead.take(pool, SERIALS, kept), "usable until the end of its keep");
    assertNull(ahead.take(pool, SERIALS, kept + 1), "dropped after it");
  }

  static final String CLAIM_FIRST = "INSERT INTO items (k, v) VALUES ($1, 1) ON CONFLICT (k) DO NOTHING RETURNING k";

  /**
   * A unit that claims {@code k} the way {@link ClaimsAtEnd} says: with a row at the batch's end
   * (no conflict clause: a taken key fails the write), or first, with a statement that answers
   * whether the key was free. It answers how: "at end", "first" or "duplicate".
   */
  static Function<SqlConnection, Future<String>> claiming(String k) {
    return tx -> switch (ClaimsAtEnd.of(tx, k)) {
      case AT_END -> DeferredRows.write(tx, ROWS, new String[] {k}, new Integer[] {1}).map("at end");
      case TAKEN_IN_BATCH -> Future.succeededFuture("duplicate");
      case FIRST -> tx.preparedQuery(CLAIM_FIRST).execute(Tuple.of(k))
          .map(rows -> rows.size() == 1 ? "first" : "duplicate");
    };
  }

  @Test
  void claimsAtTheBatchsEndWaitOnceAndASecondCopyInTheBatchIsItsDuplicate() {
    Context context = vertx.getOrCreateContext();
    Waits waits = new Waits();
    Pool one = oneConnection(context, waits);
    try {
      GroupCommit gc = new GroupCommit(one, new GroupCommit.Settings(true, 64, Duration.ofMillis(50)));
      submitTogether(gc, List.of(claiming("p1"), claiming("p2"))).forEach(CompletableFuture::join); // prepares
      await(one.query("SELECT 1").execute());
      waits.reset();
      List<String> answers = new ArrayList<>();
      int answeredAfter = waitsUntilAnswered(context, gc, waits,
          List.of(claiming("e1"), claiming("e2"), claiming("e1")), answers);
      assertEquals(List.of("at end", "at end", "duplicate"), answers);
      assertEquals(1, answeredAfter, "no claim asked for first");
      assertEquals(2L, count("k LIKE 'e%'"));
    } finally {
      await(one.close());
    }
    assertEquals("first", await(pool.withTransaction(claiming("alone"))), "outside a batch, claimed first");
  }

  @Test
  void aClaimAtTheEndThatMeetsATakenKeyRunsTheBatchAgainWithItsClaimsFirstAndTheLaneClaimsFirstAWhile()
      throws InterruptedException {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    GroupCommit gc = new GroupCommit(pool, new GroupCommit.Settings(true, 64, Duration.ofMillis(50)), registry);
    Context lane = vertx.getOrCreateContext();
    await(pool.query("INSERT INTO items (k, v) VALUES ('retried', 1)").execute()); // stored before
    List<String> answers = submitTogether(lane, gc, List.of(claiming("r1"), claiming("retried"), claiming("r2")))
        .stream().map(CompletableFuture::join).toList();
    assertEquals(List.of("first", "duplicate", "first"), answers, "run again, every claim made first");
    Await.until(() -> registry.get("hotline.intake.batch.rollbacks").counter().count() == 1.0);
    assertEquals(2, registry.get("hotline.intake.batch.items").summary().count(), "run again together, not alone");
    assertEquals(1L, await(pool.query("SELECT count(DISTINCT tx) FROM items WHERE k IN ('r1', 'r2')").execute())
        .iterator().next().getLong(0), "one transaction");

    // the lane's next batch claims first: a burst of retries costs one rerun, not one per batch
    answers = submitTogether(lane, gc, List.of(claiming("n1"), claiming("retried")))
        .stream().map(CompletableFuture::join).toList();
    assertEquals(List.of("first", "duplicate"), answers);
    assertEquals(1.0, registry.get("hotline.intake.batch.rollbacks").counter().count(), "no second rerun");
  }

  @Test
  void theMetersShowTicketsPerCommitWaitsAndRollbacks() throws InterruptedException {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    GroupCommit gc = new GroupCommit(pool, new GroupCommit.Settings(true, 64, Duration.ofMillis(50)), registry);
    submitTogether(gc, List.of(deferred("m1"), deferred("m2"), deferred("m3"))).forEach(CompletableFuture::join);
    DistributionSummary items = registry.get("hotline.intake.batch.items").summary();
    assertEquals(1, items.count(), "one batch");
    assertEquals(3.0, items.totalAmount(), "of three units");
    assertEquals(3, registry.get("hotline.intake.batch.queue").timer().count(), "each unit's wait");
    // a batch's time is taken just after its answers
    Await.until(() -> registry.get("hotline.intake.batch.transaction").timer().count() == 1);
    assertEquals(0.0, registry.get("hotline.intake.batch.rollbacks").counter().count());

    // two copies of one key: the merged write fails, the batch is rolled back, each unit runs alone
    submitTogether(gc, List.of(deferred("twice"), deferred("twice"))).forEach(a -> a.handle((r, e) -> null).join());
    Await.until(() -> registry.get("hotline.intake.batch.rollbacks").counter().count() == 1.0);
    assertEquals(2, items.count(), "the units run alone are not batches");

    // both batches' units asked PostgreSQL nothing before their rows; a unit with a statement of
    // its own makes the batch wait for it first
    assertEquals(2.0, registry.get("hotline.intake.batch.one.wait").counter().count());
    submitTogether(gc, List.of(insert("asks", 1))).forEach(CompletableFuture::join);
    assertEquals(3, items.count());
    assertEquals(2.0, registry.get("hotline.intake.batch.one.wait").counter().count(), "not sent in one go");
  }
}
