package org.open12345.hotline.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.open12345.hotline.db.Listening;
import org.open12345.hotline.notify.policy.RetryBackoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers committed outbox rows. Woken by PostgreSQL NOTIFY the moment a message commits (so a
 * fresh message goes out at once), and by a slow poll as the safety net for lost notifications,
 * scheduled retries and expired claims. Works in bounded batches, all on the event loop.
 */
public final class OutboxRelay {
  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  /**
   * Tuning: claim at most {@code batch} rows per channel at a time, each for {@code lease}, no
   * faster than the channels' shared send {@code rates}.
   */
  public record Settings(int batch, Duration lease, Duration pollInterval, RetryBackoff backoff, SendRates rates) {
    public Settings(int batch, Duration lease, Duration pollInterval, RetryBackoff backoff) {
      this(batch, lease, pollInterval, backoff, SendRates.none());
    }

    /** The longest a send may take: nine tenths of the lease, leaving the rest to record it. */
    Duration sendDeadline() {
      return lease.minus(lease.dividedBy(10));
    }
  }

  private final Vertx vertx;
  private final Pool pool;
  private final Listening listening;
  private final OutboxRepository repository;
  private final MessageSenders senders;
  private final Settings settings;
  private final Clock clock;
  private final String relayId = "relay-" + UUID.randomUUID().toString().substring(0, 8);
  private final RandomGenerator random = RandomGenerator.getDefault();
  /** All relay state is touched on this one event-loop context only. */
  private final io.vertx.core.Context context;
  private PgSubscriber subscriber;
  private long timer = -1;
  /** A wake-up when a send rate held messages back; -1 when none is set. */
  private long throttleTimer = -1;
  /**
   * Rounds of this relay in progress. Two: one claiming while the other sends and records; their
   * claims take disjoint rows (SKIP LOCKED) and the shared send rate's bucket serialises them.
   */
  private static final int ROUNDS_IN_FLIGHT = 2;
  private int running;
  /** A wake-up came while every round slot was busy: run a round when one ends. */
  private boolean wokenWhileDraining;
  private boolean stopped;
  /** Completed when a stop finds the relay idle: messages being sent get their outcome recorded. */
  private final io.vertx.core.Promise<Void> idle = io.vertx.core.Promise.promise();

  public OutboxRelay(Vertx vertx, Pool pool, Listening listening, OutboxRepository repository,
      MessageSenders senders, Settings settings, Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.listening = listening;
    this.repository = repository;
    this.senders = senders;
    this.settings = settings;
    this.clock = clock;
    this.context = vertx.getOrCreateContext();
  }

  public Future<Void> start() {
    // Reconnecting forever: without LISTEN the relay still works, but only at poll speed.
    subscriber = listening.subscriber();
    listening.listen(subscriber, "outbox", payload -> wake());
    timer = vertx.setPeriodic(settings.pollInterval().toMillis(), id -> wake());
    return subscriber.connect()
        .onSuccess(v -> wake())
        .recover(e -> {
          log.warn("outbox relay could not LISTEN ({}); polling every {}", e.getMessage(), settings.pollInterval());
          return Future.succeededFuture();
        });
  }

  /**
   * Stops claiming, then waits for the round in progress: a message handed to a provider must
   * have its outcome recorded before the pool closes, or another relay would send it again.
   */
  public Future<Void> stop() {
    io.vertx.core.Promise<Void> closed = io.vertx.core.Promise.promise();
    context.runOnContext(v -> {
      stopped = true;
      if (timer >= 0) {
        vertx.cancelTimer(timer);
      }
      if (throttleTimer >= 0) {
        vertx.cancelTimer(throttleTimer);
      }
      if (running == 0) {
        idle.tryComplete();
      }
      idle.future().compose(x -> subscriber == null ? Future.<Void>succeededFuture() : subscriber.close())
          .onComplete(closed);
    });
    return closed.future();
  }

  /** Runs a round now, or right after one in progress. */
  public void wake() {
    context.runOnContext(v -> startOrQueueRound());
  }

  private void startOrQueueRound() {
    if (stopped) {
      return;
    }
    if (running >= ROUNDS_IN_FLIGHT) {
      wokenWhileDraining = true;
      return;
    }
    wokenWhileDraining = false;
    round();
  }

  /**
   * One round: claim, send, record. When the claim comes back full the next round's claim starts
   * at once, while this round is sent and recorded: the pace is then the slower of claiming and
   * of sending plus recording, not their sum (on a loaded machine each is mostly waiting).
   */
  private void round() {
    running++;
    repository.claimRound(pool, relayId, settings.batch(), settings.lease(), settings.rates(), null)
        .compose(round -> {
          round.throttledFor().ifPresent(this::wakeAfter);
          if (round.full()) {
            startOrQueueRound();
          }
          return deliverAll(round.rows());
        })
        .onComplete(ar -> {
          running--;
          if (ar.failed()) {
            log.warn("outbox drain failed: {}", ar.cause().toString());
          }
          if (!stopped && wokenWhileDraining) {
            wokenWhileDraining = false;
            round();
          } else if (stopped && running == 0) {
            idle.tryComplete();
          }
        });
  }

  /** Claims again once the send rate allows (one pending wake-up at a time). */
  private void wakeAfter(Duration wait) {
    if (throttleTimer >= 0 || stopped) {
      return;
    }
    throttleTimer = vertx.setTimer(Math.max(1, wait.toMillis()), id -> {
      throttleTimer = -1;
      wake();
    });
  }

  /**
   * Sends a round's messages side by side, then records every outcome in one statement and one
   * commit ({@link OutboxRepository#settle}): at a high send rate a commit per message, not the
   * send rate, would set the pace. Until that commit the messages stay claimed under their lease,
   * so a relay that dies meanwhile loses nothing: its claims expire and the messages go again
   * (at least once towards the provider; exactly once when nothing dies).
   */
  private Future<Void> deliverAll(List<OutboxRow> rows) {
    if (rows.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Future<OutboxRepository.DeliveryOutcome>> all = new ArrayList<>(rows.size());
    for (OutboxRow row : rows) {
      all.add(send(row).map(outcome -> recorded(row, outcome)));
    }
    return Future.join(all).transform(done -> {
      List<OutboxRepository.DeliveryOutcome> outcomes = new ArrayList<>(all.size());
      all.forEach(f -> outcomes.add(f.result()));
      return repository.settle(pool, outcomes).map(written -> {
        logRound(outcomes, written);
        return (Void) null;
      });
    }).recover(e -> {
      // Could not record the outcomes (database gone): the claims expire and the rows are retried.
      log.warn("outbox: outcomes of {} messages not recorded, they go again after the lease: {}", rows.size(),
          e.toString());
      return Future.succeededFuture();
    });
  }

  /** The provider's answer; a failed or throwing sender counts as a temporary failure. */
  private Future<SendOutcome> send(OutboxRow row) {
    long deadlineMs = settings.sendDeadline().toMillis();
    return senders.forChannel(row.channel())
        .map(s -> Future.<Void>succeededFuture().compose(v -> s.send(row.toMessage()))
            // Every sender has its own timeout; this one holds whatever a sender misses, so that
            // no send keeps its round (and the round's slot) past the claim it was made under.
            .timeout(deadlineMs, TimeUnit.MILLISECONDS)
            .recover(e -> Future.succeededFuture(SendOutcome.retry(e instanceof TimeoutException
                ? "no outcome from the " + row.channel() + " sender within " + deadlineMs + " ms"
                : e.toString()))))
        .orElseGet(() -> Future.succeededFuture(
            SendOutcome.permanent("no sender configured for channel '" + row.channel() + "'")));
  }

  private OutboxRepository.DeliveryOutcome recorded(OutboxRow row, SendOutcome outcome) {
    if (outcome instanceof SendOutcome.Sent sent) {
      log.debug("outbox {} sent via {} to {} (attempt {})", row.id(), row.channel(), row.recipient(), row.attempts());
      return OutboxRepository.DeliveryOutcome.sent(row.id(), row.attempts(), sent.providerId(),
          sent.providerResponse());
    }
    if (outcome instanceof SendOutcome.Permanent p) {
      log.warn("outbox {} failed permanently via {}: {}", row.id(), row.channel(), p.reason());
      return OutboxRepository.DeliveryOutcome.failed(row.id(), row.attempts(), p.reason());
    }
    String reason = ((SendOutcome.Retry) outcome).reason();
    RetryBackoff.Decision d = settings.backoff().afterFailure(row.attempts(), clock.instant(), random);
    if (d instanceof RetryBackoff.Decision.RetryAt at) {
      log.info("outbox {} will retry via {} at {}: {}", row.id(), row.channel(), at.at(), reason);
      return OutboxRepository.DeliveryOutcome.retry(row.id(), row.attempts(), at.at(), reason);
    }
    log.warn("outbox {} gave up after {} attempts via {}: {}", row.id(), row.attempts(), row.channel(), reason);
    return OutboxRepository.DeliveryOutcome.failed(row.id(), row.attempts(),
        "gave up after " + row.attempts() + " attempts: " + reason);
  }

  /**
   * One line per round rather than per message: at thousands of messages a second, a line each
   * (formatted and masked on the event loop) costs the relay a good part of its pace.
   */
  private void logRound(List<OutboxRepository.DeliveryOutcome> outcomes, int written) {
    long sent = outcomes.stream().filter(o -> "sent".equals(o.outcome())).count();
    long retry = outcomes.stream().filter(o -> "retry".equals(o.outcome())).count();
    long failed = outcomes.size() - sent - retry;
    if (written < outcomes.size()) {
      log.warn("outbox: {} recorded {} sent, {} to retry, {} failed; {} outcomes came after the lease ran out "
          + "(another relay holds those messages)", relayId, sent, retry, failed, outcomes.size() - written);
    } else {
      log.info("outbox: {} recorded {} sent, {} to retry, {} failed", relayId, sent, retry, failed);
    }
  }
}
