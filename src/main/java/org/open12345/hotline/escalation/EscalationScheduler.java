package org.open12345.hotline.escalation;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.open12345.hotline.auth.Actor;
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
 * <p>The periodic timer decides what is due by the database's {@code now()}, so instances with
 * skewed clocks agree. {@link #drain(Instant)} with an instant does the same "as of" that instant,
 * for tests on simulated time.
 */
public final class EscalationScheduler {
  private static final Logger log = LoggerFactory.getLogger(EscalationScheduler.class);

  public record Settings(boolean enabled, Duration pollInterval, int batchSize) {}

  private final Vertx vertx;
  private final Pool pool;
  private final EscalationStepRepository steps;
  private final StepNotices notices;
  private final Outbox outbox;
  private final Settings settings;
  private final String instance = "sched-" + UUID.randomUUID().toString().substring(0, 8);
  private long timerId = -1;
  private boolean running;
  private boolean stopped;

  public EscalationScheduler(Vertx vertx, Pool pool, EscalationStepRepository steps, StepNotices notices, Outbox outbox,
      Settings settings) {
    this.vertx = vertx;
    this.pool = pool;
    this.steps = steps;
    this.notices = notices;
    this.outbox = outbox;
    this.settings = settings;
  }

  public Future<Void> start() {
    if (settings.enabled()) {
      timerId = vertx.setPeriodic(settings.pollInterval().toMillis(), id -> tick());
      log.info("escalation scheduler {} polling every {}", instance, settings.pollInterval());
    }
    return Future.succeededFuture();
  }

  public Future<Void> stop() {
    stopped = true;
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    return Future.succeededFuture();
  }

  public String instance() {
    return instance;
  }

  private void tick() {
    if (running || stopped) {
      return;
    }
    running = true;
    drain(null)
        .onFailure(e -> log.warn("escalation round failed, retrying next tick: {}", e.toString()))
        .onComplete(r -> running = false);
  }

  /**
   * Rounds until a round finds fewer than a full batch due.
   *
   * @param asOf null = by the database clock
   * @return how many steps this instance fired
   */
  public Future<Integer> drain(Instant asOf) {
    return drain(asOf, 0);
  }

  private Future<Integer> drain(Instant asOf, int sofar) {
    return runOnce(asOf).compose(n -> n < settings.batchSize() || stopped
        ? Future.succeededFuture(sofar + n)
        : drain(asOf, sofar + n));
  }

  /** One round: claim and fire up to a batch of due steps in one transaction. */
  public Future<Integer> runOnce(Instant asOf) {
    return pool.withTransaction(tx -> steps.claim(tx, settings.batchSize(), instance, asOf)
        .compose(claimed -> fireAll(tx, claimed).map(claimed.size())));
  }

  /**
   * All writes of a round are issued at once: a transaction's connection pipelines them, so a
   * round costs a few round trips instead of three per step (the benchmark's p99 depends on it).
   */
  private Future<Void> fireAll(SqlConnection tx, List<FiredStep> claimed) {
    List<Future<?>> writes = new java.util.ArrayList<>();
    for (FiredStep s : claimed) {
      writes.add(fire(tx, s));
    }
    return Future.all(writes).mapEmpty();
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
