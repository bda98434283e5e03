package org.open12345.hotline.escalation;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.db.Listening;
import org.open12345.hotline.deadline.Durations;
import org.open12345.hotline.notify.NewMessage;
import org.open12345.hotline.notify.Outbox;
import org.open12345.hotline.ticket.TicketEventRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires due ladder steps. Each round is one transaction: claim up to {@code batchSize} due steps
 * (oldest first, SKIP LOCKED so instances share the work), write each step's ticket event and
 * outbox messages, commit. A crash before the commit leaves the steps planned for the next round;
 * after the commit the step is fired and can never be claimed again: exactly once. After downtime
 * the timer drains everything overdue in bounded rounds, oldest first.
 *
 * <p>On time, not on the next tick: after each round the scheduler reads when the earliest planned
 * step falls due and sets its one timer for that moment, never further than the poll interval
 * ahead (the safety net for anything it was not told about). A commit that plans a step due sooner
 * than that NOTIFYs every instance ({@link EscalationStepRepository#DUE_CHANNEL}), and an instance
 * whose timer is set later brings it forward. Instances that wake together race harmlessly: the
 * claim's SKIP LOCKED gives each step to one of them.
 *
 * <p>What is due is decided by the database's {@code now()}, so instances with skewed clocks agree;
 * the wait until the next step is timed in that clock too. A scheduler built with a {@link Clock}
 * decides "as of" that clock instead (tests on simulated time), and {@link #drain(Instant)} with an
 * instant does the same for one call.
 */
public final class EscalationScheduler {
  private static final Logger log = LoggerFactory.getLogger(EscalationScheduler.class);
  /**
   * The shortest wait: a step that is due but was not claimed is locked by another instance's round
   * (SKIP LOCKED), which commits within milliseconds; looking again at once would only spin.
   */
  static final Duration MIN_WAIT = Duration.ofMillis(5);

  public record Settings(boolean enabled, Duration pollInterval, int batchSize) {}

  /** One-shot timers on the scheduler's context: Vert.x's in production, driven by hand in tests. */
  public interface Timers {
    long set(Duration delay, Runnable action);

    void cancel(long id);

    static Timers of(Vertx vertx) {
      return new Timers() {
        @Override
        public long set(Duration delay, Runnable action) {
          return vertx.setTimer(Math.max(1, delay.toMillis()), id -> action.run());
        }

        @Override
        public void cancel(long id) {
          vertx.cancelTimer(id);
        }
      };
    }
  }

  private final Vertx vertx;
  private final Pool pool;
  private final Listening listening;
  private final EscalationStepRepository steps;
  private final StepNotices notices;
  private final Outbox outbox;
  private final Settings settings;
  /** Null: the database clock decides; else what is due is decided as of this clock. */
  private final Clock clock;
  private final Timers timers;
  /** All state below is touched on this one context only. */
  private final Context context;
  private final String instance = "sched-" + UUID.randomUUID().toString().substring(0, 8);
  private PgSubscriber subscriber;
  private long timerId = -1;
  /** When the timer is set to go off, in the deciding clock. */
  private Instant timerAt;
  /** The earliest due time signalled during a round; the timer after the round honours it. */
  private Instant signalled;
  /**
   * The deciding clock's last reading and the monotonic time of that reading (database clock; the
   * wall clock until the first round has read it).
   */
  private Instant readAt = Instant.now();
  private long readNanos = System.nanoTime();
  private boolean running;
  private boolean stopped;

  /**
   * @param connect where the scheduler LISTENs for steps planned due soon (a connection of its
   *     own); null = no signals, only its own timer and the poll
   */
  public EscalationScheduler(Vertx vertx, Pool pool, Listening listening, EscalationStepRepository steps,
      StepNotices notices, Outbox outbox, Settings settings) {
    this(vertx, pool, listening, steps, notices, outbox, settings, null, Timers.of(vertx));
  }

  /** As above, deciding what is due as of {@code clock} (null: the database's) and timed by {@code timers}. */
  public EscalationScheduler(Vertx vertx, Pool pool, Listening listening, EscalationStepRepository steps,
      StepNotices notices, Outbox outbox, Settings settings, Clock clock, Timers timers) {
    this.vertx = vertx;
    this.pool = pool;
    this.listening = listening;
    this.steps = steps;
    this.notices = notices;
    this.outbox = outbox;
    this.settings = settings;
    this.clock = clock;
    this.timers = timers;
    this.context = vertx.getOrCreateContext();
  }

  public Future<Void> start() {
    if (!settings.enabled()) {
      return Future.succeededFuture();
    }
    log.info("escalation scheduler {} firing at each step's due time, looking at least every {}", instance,
        settings.pollInterval());
    wake();
    if (listening == null) {
      return Future.succeededFuture();
    }
    // Reconnecting forever: without LISTEN a step planned due soon waits for the poll at worst.
    subscriber = listening.subscriber();
    listening.listen(subscriber, EscalationStepRepository.DUE_CHANNEL, this::signal);
    return subscriber.connect().recover(e -> {
      log.warn("escalation scheduler could not LISTEN ({}); steps planned due soon wait up to {}", e.getMessage(),
          settings.pollInterval());
      return Future.succeededFuture();
    });
  }

  public Future<Void> stop() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      stopped = true;
      cancelTimer();
      (subscriber == null ? Future.<Void>succeededFuture() : subscriber.close()).onComplete(done);
    });
    return done.future();
  }

  /** When the timer is set to go off (in the deciding clock), or null when none is set. */
  public Future<Instant> timerAt() {
    Promise<Instant> at = Promise.promise();
    context.runOnContext(v -> at.complete(timerId >= 0 ? timerAt : null));
    return at.future();
  }

  /** A commit planned a step due at {@code payload}: bring the timer forward if it is set later. */
  private void signal(String payload) {
    Instant due;
    try {
      due = Instant.parse(payload);
    } catch (java.time.format.DateTimeParseException e) {
      due = Instant.EPOCH; // not ours to judge: look now
    }
    Instant at = due;
    context.runOnContext(v -> {
      if (stopped) {
        return;
      }
      if (running) {
        signalled = signalled == null || at.isBefore(signalled) ? at : signalled;
      } else if (timerId < 0 || at.isBefore(timerAt)) {
        setTimer(at);
      }
    });
  }

  /** Runs a round (and its follow-ups) now, unless one is running; then sets the timer. */
  private void wake() {
    context.runOnContext(v -> {
      if (running || stopped) {
        return;
      }
      running = true;
      cancelTimer();
      drain(clock == null ? null : clock.instant())
          .compose(n -> steps.nextDue(pool))
          .onComplete(ar -> {
            running = false;
            if (stopped) {
              return;
            }
            Instant next = null;
            if (ar.succeeded()) {
              if (clock == null) {
                readAt = ar.result().now();
                readNanos = System.nanoTime();
              }
              next = ar.result().dueAt();
            } else {
              log.warn("escalation round failed, retrying within {}: {}", settings.pollInterval(),
                  ar.cause().toString());
            }
            if (signalled != null && (next == null || signalled.isBefore(next))) {
              next = signalled;
            }
            signalled = null;
            setTimer(next);
          });
    });
  }

  /** Sets the one timer for {@code due}, at most a poll interval and at least {@link #MIN_WAIT} ahead. */
  private void setTimer(Instant due) {
    cancelTimer();
    Instant now = now();
    Duration wait = due == null ? settings.pollInterval() : Duration.between(now, due);
    if (wait.compareTo(settings.pollInterval()) > 0) {
      wait = settings.pollInterval();
    }
    if (wait.compareTo(MIN_WAIT) < 0) {
      wait = MIN_WAIT;
    }
    timerAt = now.plus(wait);
    timerId = timers.set(wait, () -> {
      timerId = -1;
      wake();
    });
  }

  private void cancelTimer() {
    if (timerId >= 0) {
      timers.cancel(timerId);
      timerId = -1;
    }
  }

  /** The deciding clock now: the injected one, or the database's as last read, moved on by the wall. */
  private Instant now() {
    return clock != null ? clock.instant() : readAt.plusNanos(System.nanoTime() - readNanos);
  }

  public String instance() {
    return instance;
  }

  /**
   * Rounds until a round finds fewer than a full batch due and planned no next step that is due
   * already (a lazy ladder's steps behind an overdue one, or one due at the same instant).
   *
   * @param asOf null = by the database clock
   * @return how many steps this instance fired
   */
  public Future<Integer> drain(Instant asOf) {
    return drain(asOf, 0);
  }

  private Future<Integer> drain(Instant asOf, int sofar) {
    return round(asOf).compose(r -> (r.fired() < settings.batchSize() && !r.nextDue()) || stopped
        ? Future.succeededFuture(sofar + r.fired())
        : drain(asOf, sofar + r.fired()));
  }

  /** One round: claim and fire up to a batch of due steps in one transaction. */
  public Future<Integer> runOnce(Instant asOf) {
    return round(asOf).map(Round::fired);
  }

  /** What a round did: steps fired, and whether a next step it planned is already due. */
  private record Round(int fired, boolean nextDue) {}

  private Future<Round> round(Instant asOf) {
    return pool.withTransaction(tx -> steps.claim(tx, settings.batchSize(), instance, asOf)
        .compose(claimed -> claimed.isEmpty() ? Future.succeededFuture(new Round(0, false))
            : fireAll(tx, claimed).map(planned -> {
              // The round's steps share one firing time (the claim's now, or asOf).
              Instant firedAt = claimed.get(0).step().firedAt();
              return new Round(claimed.size(), planned.stream().anyMatch(p -> !p.dueAt().isAfter(firedAt)));
            })));
  }

  /**
   * All writes of a round are issued at once: a transaction's connection pipelines them, so a
   * round costs a few round trips instead of three per step (the benchmark's p99 depends on it).
   * With them goes the planning of each lazy ladder's next step.
   *
   * @return the next steps planned
   */
  private Future<List<PlannedStep>> fireAll(SqlConnection tx, List<EscalationStepRepository.Claimed> claimed) {
    List<Future<?>> writes = new java.util.ArrayList<>();
    for (EscalationStepRepository.Claimed c : claimed) {
      writes.add(fire(tx, c.step()));
    }
    Future<List<PlannedStep>> next = steps.planNext(tx, claimed);
    writes.add(next);
    return Future.all(writes).map(v -> next.result());
  }

  private Future<Void> fire(SqlConnection tx, FiredStep s) {
    List<NewMessage> messages = notices.of(s);
    JsonObject details = new JsonObject()
        .put("step_key", s.key())
        .put("deadline", s.deadlineKind().name())
        .put("deadline_label", s.deadlineKind().label())
        .put("level", s.level())
        .put("department_id", s.departmentId())
        .put("deadline_due_at", s.deadlineDueAt().toString())
        .put("late_by_seconds", s.lateBy().toSeconds())
        .put("late_by", s.lateBy().isNegative() ? "剩余" + Durations.chinese(s.lateBy())
            : "超期" + Durations.chinese(s.lateBy()))
        .put("circulate", s.circulate())
        .put("messages", messages.size())
        .put("scheduler", instance);
    List<Future<?>> writes = new java.util.ArrayList<>();
    writes.add(TicketEventRepository.append(tx, s.ticketId(), s.firedAt(), Actor.SYSTEM, s.stepKind().name(),
        null, null, details));
    for (NewMessage m : messages) {
      writes.add(outbox.enqueue(tx, m));
    }
    return Future.all(writes).mapEmpty();
  }
}
