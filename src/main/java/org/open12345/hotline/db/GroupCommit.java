package org.open12345.hotline.db;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.TransactionRollbackException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: units of work that each want their own transaction (one intake request = one
 * ticket) are collected for at most {@code maxWait} or {@code maxItems} and run together in ONE
 * transaction on one connection, their statements pipelined, with one COMMIT (one WAL flush) for
 * all. Each unit is the very code the single path runs ({@link Pool#withTransaction}), so the two
 * paths cannot drift; only the transaction around it is shared.
 *
 * <ul>
 *   <li>Answer after commit: every unit's future completes only once the shared COMMIT has
 *       succeeded; a failed COMMIT fails every unit of the batch (none of them is stored).
 *   <li>Isolation: a unit that fails (a constraint, a refused rule) rolls the batch back; it is then
 *       run alone in its own transaction (so it gets exactly the single path's answer) and the
 *       others are run again as a batch without it. Units that only failed because the transaction
 *       was already aborted by another are not blamed. A second failed round runs every remaining
 *       unit alone.
 *   <li>Claims at the end: a first round's units may write their claims (an SMS's provider id)
 *       with their other rows at the batch's end ({@link ClaimsAtEnd}); if one meets a taken key,
 *       the batch is run again together with its claims made first.
 *   <li>Light load: a unit arriving while nothing of its event loop is in flight is flushed at
 *       the end of the current event-loop task (no timer), so one request at a time waits for no
 *       one; units arriving while a batch is in flight wait for it to end or for {@code maxWait}.
 * </ul>
 *
 * A batch whose units only leave rows for its end waits for PostgreSQL once: BEGIN, the deferral,
 * the multi-row writes, the deferred checks and the COMMIT go out together. Units that need an
 * answer first (a claim, a read, sequence values when none were drawn ahead) make it twice. On a
 * busy database each wait is also a turn in its run queue, so the fewer there are, the shorter a
 * batch holds its requests. A busy lane's batch draws sequence values for the next one
 * ({@link ValuesAhead}), so batches of new tickets also wait once under load.
 *
 * <p>Units are started in submission order, so a unit's first statement reaches PostgreSQL before the
 * next unit's: a second copy of one SMS in the same batch sees the first copy's claim (same
 * transaction) and is answered as a duplicate. Side effects outside the database (none in the
 * intake path) would run again when a batch is retried.
 *
 * <p>One queue per event loop (Vert.x context): a unit runs, and is answered, on the event loop
 * that submitted it. Without a context, or when disabled, a unit runs alone.
 */
public final class GroupCommit {
  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
  private static final String DEFER_CHECKS = "SET CONSTRAINTS ALL DEFERRED";
  /** The deferred checks, the batch's COMMIT, and an empty transaction for the client to end. */
  private static final String CHECK_COMMIT_REOPEN = "SET CONSTRAINTS ALL IMMEDIATE; COMMIT; BEGIN";

  /** SQLSTATE 25P02: a statement sent after another one failed in the same transaction. */
  private static final String IN_FAILED_TRANSACTION = "25P02";
  /** SQLSTATE 23505: a unique key already taken (a claim written at a batch's end, {@link ClaimsAtEnd}). */
  private static final String UNIQUE_VIOLATION = "23505";

  /**
   * @param maxItems units per transaction; 1 = every unit alone (the single path)
   * @param maxWait how long a unit may wait for others while a batch of its event loop is in flight
   * @param maxInFlight batches of one event loop written at the same time (0 = no limit): units
   *     arriving while that many are in flight wait for one to end, past {@code maxWait}, so
   *     batches grow under load instead of multiplying
   */
  public record Settings(boolean enabled, int maxItems, Duration maxWait, int maxInFlight) {
    public static final Settings SINGLE = new Settings(false, 1, Duration.ZERO, 0);

    public Settings(boolean enabled, int maxItems, Duration maxWait) {
      this(enabled, maxItems, maxWait, 0);
    }

    boolean mayStartAnother(int inFlight) {
      return maxInFlight <= 0 || inFlight < maxInFlight;
    }

    public boolean batching() {
      return enabled && maxItems > 1;
    }
  }

  private final Pool pool;
  private final Settings settings;
  private final Object laneKey = new Object();
  private final GroupCommitMeters meters;
  private final Duration keepValuesAhead;

  /** Publishes nothing (a composite registry without registries makes no-op meters). */
  public GroupCommit(Pool pool, Settings settings) {
    this(pool, settings, new CompositeMeterRegistry());
  }

  /** @param registry where the batches' sizes and times are published */
  public GroupCommit(Pool pool, Settings settings, MeterRegistry registry) {
    this(pool, settings, registry, ValuesAhead.KEEP);
  }

  /** @param keepValuesAhead how long sequence values drawn for a lane's next batch stay usable */
  GroupCommit(Pool pool, Settings settings, MeterRegistry registry, Duration keepValuesAhead) {
    this.pool = pool;
    this.settings = settings;
    this.meters = new GroupCommitMeters(registry);
    this.keepValuesAhead = keepValuesAhead;
  }

  /** A group commit that never groups: every unit in its own transaction. */
  public static GroupCommit single(Pool pool) {
    return new GroupCommit(pool, Settings.SINGLE);
  }

  public Settings settings() {
    return settings;
  }

  /**
   * Runs {@code work} in a transaction, possibly shared with other units; the future completes
   * after that transaction committed (or failed).
   */
  public <T> Future<T> inTransaction(Function<SqlConnection, Future<T>> work) {
    Context context = Vertx.currentContext();
    if (!settings.batching() || context == null) {
      return pool.withTransaction(work);
    }
    Lane lane = context.get(laneKey);
    if (lane == null) {
      lane = new Lane(context);
      context.put(laneKey, lane);
    }
    return lane.submit(work);
  }

  /** One unit of work and the promise its caller waits on. */
  private static final class Unit<T> {
    final Function<SqlConnection, Future<T>> work;
    final Promise<T> answer = Promise.promise();
    final long submittedAt = System.nanoTime();
    Future<T> outcome;

    Unit(Function<SqlConnection, Future<T>> work) {
      this.work = work;
    }

    Future<T> start(SqlConnection conn) {
      try {
        outcome = work.apply(conn);
      } catch (RuntimeException e) {
        outcome = Future.failedFuture(e);
      }
      return outcome;
    }

    void answerWithOutcome() {
      answer.complete(outcome.result());
    }

    void fail(Throwable cause) {
      answer.tryFail(cause);
    }

    /** True when this unit failed on its own account, not because another aborted the transaction. */
    boolean toBlame() {
      Throwable c = outcome.cause();
      if (c == null) {
        return false;
      }
      boolean victim = c instanceof TransactionRollbackException
          || c instanceof PgException pg && IN_FAILED_TRANSACTION.equals(pg.getSqlState());
      return !victim;
    }
  }

  /** The queue of one event loop; touched only from that event loop. */
  private final class Lane {
    private final Context context;
    private final ArrayDeque<Unit<?>> queue = new ArrayDeque<>();
    private final ValuesAhead ahead = new ValuesAhead(keepValuesAhead);
    /** Until when (System.nanoTime) this lane claims first, after a claim at a batch's end met a taken key. */
    private long claimsFirstUntil = System.nanoTime();
    private int inFlight;
    private boolean flushScheduled;
    private long timer = -1;

    Lane(Context context) {
      this.context = context;
    }

    <T> Future<T> submit(Function<SqlConnection, Future<T>> work) {
      Unit<T> unit = new Unit<>(work);
      queue.add(unit);
      if (!settings.mayStartAnother(inFlight)) {
        // a batch ending flushes the queue
        return unit.answer.future();
      }
      if (queue.size() >= settings.maxItems()) {
        flush();
      } else if (inFlight == 0) {
        // idle: go at the end of this task, with whatever else this task submits
        if (!flushScheduled) {
          flushScheduled = true;
          context.runOnContext(v -> {
            flushScheduled = false;
            flush();
          });
        }
      } else if (timer < 0) {
        timer = context.owner().setTimer(Math.max(1, settings.maxWait().toMillis()), id -> {
          timer = -1;
          flush();
        });
      }
      return unit.answer.future();
    }

    private void flush() {
      if (timer >= 0) {
        context.owner().cancelTimer(timer);
        timer = -1;
      }
      while (!queue.isEmpty() && settings.mayStartAnother(inFlight)) {
        List<Unit<?>> batch = new ArrayList<>(Math.min(queue.size(), settings.maxItems()));
        long now = System.nanoTime();
        while (!queue.isEmpty() && batch.size() < settings.maxItems()) {
          Unit<?> unit = queue.poll();
          meters.waited(now - unit.submittedAt);
          batch.add(unit);
        }
        inFlight++;
        run(this, batch, 0).onComplete(done -> {
          inFlight--;
          // the units that queued up meanwhile go now: a connection just became free
          if (!queue.isEmpty()) {
            flush();
          }
        });
      }
    }

    /**
     * True when another batch is likely to follow soon: units already wait, another batch is in
     * flight, or this one holds several. A lone request draws nothing ahead, which would only
     * be dropped unused.
     */
    boolean busy(int batchSize) {
      return batchSize > 1 || inFlight > 1 || !queue.isEmpty();
    }

    /** A first round's units write claims at the end, unless one met a taken key a moment ago. */
    boolean claimsAtEnd(int round) {
      return round == 0 && System.nanoTime() - claimsFirstUntil >= 0;
    }

    void claimConflicted() {
      claimsFirstUntil = System.nanoTime() + ClaimsAtEnd.FIRST_AFTER_CONFLICT.toNanos();
    }
  }

  /** Runs a batch; the future completes when every unit of it has its answer. */
  private Future<Void> run(Lane lane, List<Unit<?>> batch, int round) {
    // A batch of one also goes this way (not alone): the shared-transaction code is then what
    // every request under light load, and every sequential test, runs through.
    meters.batchStarted(batch.size());
    long started = System.nanoTime();
    return pool.getConnection()
        // together() gives the connection back itself once the transaction has ended, which may
        // be after the units were answered; here only when it failed outright
        .compose(conn -> together(lane, conn, batch, round).onFailure(e -> conn.close()))
        .recover(e -> {
          batch.forEach(u -> u.fail(e));
          return Future.succeededFuture(Retry.NONE);
        })
        .compose(retry -> {
          meters.transactionEnded(System.nanoTime() - started, retry.reruns());
          return retry.run(this, lane, round);
        });
  }

  private Future<Retry> together(Lane lane, SqlConnection conn, List<Unit<?>> batch, int round) {
    BatchConnection shared = new BatchConnection(conn, batch.size(), lane.ahead, lane.claimsAtEnd(round));
    // BEGIN is not awaited: the client sends a transaction's statements in the order they are
    // given, so BEGIN, the deferral and the units' first statements go out together and cost one
    // round trip instead of two. (If BEGIN fails, so do the statements after it.)
    Future<Transaction> begun = conn.begin();
    // A batch writes its new tickets at its end, after the rows that refer to them (V99 made
    // those references deferrable): their checks wait until the rows are all there.
    Future<?> deferredChecks = conn.query(DEFER_CHECKS).execute();
    List<Future<?>> outcomes = new ArrayList<>(batch.size());
    for (Unit<?> u : batch) {
      outcomes.add(u.start(shared));
    }
    // Units that asked PostgreSQL nothing are done at once, and the batch goes on in the same
    // task: BEGIN and everything up to the COMMIT leave in one write, and the batch waits once.
    Future<?> ready = Future.join(outcomes);
    if (ready.succeeded()) {
      meters.sentInOneGo();
    }
    return ready.transform(done -> {
      if (done.failed()) {
        List<Unit<?>> blamed = batch.stream().filter(Unit::toBlame).toList();
        List<Unit<?>> rest = batch.stream().filter(u -> !u.toBlame()).toList();
        return begun.transform(b -> {
          if (b.failed()) {
            // no transaction: nothing of the batch is stored; each unit runs alone
            return conn.close().otherwiseEmpty().map(v -> Retry.eachAlone(batch));
          }
          return b.result().rollback().otherwiseEmpty().compose(v -> conn.close().otherwiseEmpty())
              .map(v -> new Retry(blamed, rest, !blamed.isEmpty()));
        });
      }
      if (lane.busy(batch.size())) {
        shared.values().drawAhead(shared);
      }
      // The units' multi-row writes, the deferred checks and the COMMIT are sent together: one
      // wait. The COMMIT rides in the check's own (simple) query, because the client's
      // Transaction sends its COMMIT only once every statement before it is answered, which
      // would cost the batch a wait of its own. In one query string PostgreSQL runs the COMMIT
      // only if the check succeeded, and the check only if no statement before it failed (a
      // failed transaction refuses everything but its end). The BEGIN after it opens an empty
      // transaction for the client's Transaction to end as it expects; its COMMIT writes no WAL
      // and no answer waits for it.
      // A failed write or check is no unit's fault: nothing is stored, and every unit runs
      // alone (its rows then go at once and are checked at each statement).
      Future<Void> flushed = shared.deferred().flush(shared).mapEmpty();
      Future<Void> committed = conn.query(CHECK_COMMIT_REOPEN).execute().mapEmpty();
      // The connection goes back to the pool once the empty transaction has ended, but the
      // batch is over for its lane when its units are answered: holding the lane one more wait
      // let the requests answered meanwhile start smaller batches (measured: 2.5 tickets per
      // COMMIT instead of 3.8 at 8 connections, and more of PostgreSQL's time per ticket).
      begun.onComplete(b -> {
        if (b.succeeded()) {
          b.result().commit().onComplete(ended -> conn.close());
        } else {
          conn.close();
        }
      });
      return Future.join(begun, deferredChecks, flushed, committed).transform(ended -> {
        Retry retry;
        if (begun.succeeded() && committed.succeeded() && flushed.succeeded()) {
          batch.forEach(Unit::answerWithOutcome);
          retry = Retry.NONE;
        } else if (begun.succeeded() && committed.succeeded()) {
          // A write the client refused before sending it (a parameter it cannot encode): the
          // COMMIT went through without those rows. Running the units again could store part of
          // them twice, so they fail; this is a bug in a unit's statement, never the input's.
          log.error("a batch committed without its multi-row writes, which the client refused", flushed.cause());
          batch.forEach(u -> u.fail(flushed.cause()));
          retry = Retry.NONE;
        } else if (committed.succeeded()) {
          // The client promises that statements after a failed BEGIN fail; should one not,
          // whether rows were stored is unknown, so no unit runs again.
          log.error("a batch's COMMIT was answered after its BEGIN failed", begun.cause());
          batch.forEach(u -> u.fail(begun.cause()));
          retry = Retry.NONE;
        } else if (shared.claims().any() && (isUniqueViolation(flushed.cause())
            || isUniqueViolation(committed.cause()))) {
          // A claim written at the end met a taken key (likely a retried delivery): nothing is
          // stored; the batch runs again with its claims made first, which find the key taken.
          lane.claimConflicted();
          retry = new Retry(List.of(), batch, true);
        } else if (flushed.cause() instanceof PgException || committed.cause() instanceof PgException) {
          // PostgreSQL refused a write, the check or the COMMIT: an ERROR there means nothing is
          // stored. (A write that failed with the connection says nothing of the COMMIT sent with it.)
          retry = Retry.eachAlone(batch);
        } else {
          // the connection failed: whether the COMMIT got through is unknown
          batch.forEach(u -> u.fail(committed.cause()));
          retry = Retry.NONE;
        }
        return Future.succeededFuture(retry);
      });
    });
  }

  private <T> Future<Void> alone(Unit<T> unit) {
    return pool.withTransaction(unit.work).transform(r -> {
      if (r.succeeded()) {
        unit.answer.complete(r.result());
      } else {
        unit.fail(r.cause());
      }
      return Future.succeededFuture();
    });
  }

  private static boolean isUniqueViolation(Throwable e) {
    return e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
  }

  /**
   * After a rolled-back batch: the units to blame go alone; the others again together if
   * {@code restTogether} and this was the first round, else alone too.
   */
  private record Retry(List<Unit<?>> blamed, List<Unit<?>> rest, boolean restTogether) {
    static final Retry NONE = new Retry(List.of(), List.of(), false);

    static Retry eachAlone(List<Unit<?>> units) {
      return new Retry(List.of(), units, false);
    }

    /** True when the batch was rolled back and some of its units run again. */
    boolean reruns() {
      return !blamed.isEmpty() || !rest.isEmpty();
    }

    Future<Void> run(GroupCommit gc, Lane lane, int round) {
      if (!reruns()) {
        return Future.succeededFuture();
      }
      List<Future<Void>> done = new ArrayList<>();
      // nothing to run together, or a second failure: everyone alone (their own, single-path answers)
      boolean eachAlone = !restTogether || round >= 1;
      for (Unit<?> u : blamed) {
        done.add(gc.alone(u));
      }
      if (eachAlone) {
        for (Unit<?> u : rest) {
          done.add(gc.alone(u));
        }
      } else if (!rest.isEmpty()) {
        done.add(gc.run(lane, rest, round + 1));
      }
      return Future.join(done).mapEmpty();
    }
  }
}
