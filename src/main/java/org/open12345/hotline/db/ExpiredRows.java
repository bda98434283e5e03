package org.open12345.hotline.intake.idempotency;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes idempotency keys once they are older than {@code intake.keys.keep}. A key is only there
 * for a client whose answer was lost and who sends the same submission again, minutes or hours
 * later; kept forever, every keyed submission left a row for good (hundreds of thousands a day at a
 * busy portal). A key is answered at least {@code keep} after its claim and is gone at most
 * {@code prune_every} later; sent after that, it makes a new ticket, as a submission without a key
 * does. Every instance prunes: their chunks skip each other's rows.
 */
public final class ExpiredSubmissionKeys {
  private static final Logger log = LoggerFactory.getLogger(ExpiredSubmissionKeys.class);
  static final int CHUNK = 5_000;

  /** How long a key is kept, and how often older ones are deleted. */
  public record Settings(Duration keep, Duration pruneEvery) {
    public Settings {
      if (keep.isNegative() || keep.isZero() || pruneEvery.isNegative() || pruneEvery.isZero()) {
        throw new IllegalArgumentException("keep and pruneEvery must be longer than zero");
      }
    }
  }

  private final Vertx vertx;
  private final Pool pool;
  private final SubmissionKeyRepository keys;
  private final Clock clock;
  private final Settings settings;
  private final int chunk;
  private final AtomicBoolean pruning = new AtomicBoolean();
  private long timer = -1;

  public ExpiredSubmissionKeys(Vertx vertx, Pool pool, SubmissionKeyRepository keys, Clock clock, Settings settings) {
    this(vertx, pool, keys, clock, settings, CHUNK);
  }

  ExpiredSubmissionKeys(Vertx vertx, Pool pool, SubmissionKeyRepository keys, Clock clock, Settings settings,
      int chunk) {
    this.vertx = vertx;
    this.pool = pool;
    this.keys = keys;
    this.clock = clock;
    this.settings = settings;
    this.chunk = chunk;
  }

  /** Prunes now (a server that was down past a prune is not a period late) and every {@code prune_every}. */
  public Future<Void> start() {
    timer = vertx.setPeriodic(settings.pruneEvery().toMillis(), id -> prune());
    prune();
    return Future.succeededFuture();
  }

  public Future<Void> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return Future.succeededFuture();
  }

  /**
   * Deletes the keys claimed more than {@code keep} ago, chunk by chunk; answers how many. A prune
   * asked for while one runs does nothing (answers 0): the running one reaches the same rows.
   */
  public Future<Integer> prune() {
    if (!pruning.compareAndSet(false, true)) {
      return Future.succeededFuture(0);
    }
    Instant before = clock.instant().minus(settings.keep());
    return deleteFrom(before, 0)
        .onSuccess(n -> {
          if (n > 0) {
            log.info("deleted {} idempotency keys claimed before {}", n, before);
          }
        })
        .onFailure(e -> log.warn("idempotency keys could not be pruned (tried again in {}): {}",
            settings.pruneEvery(), e.toString()))
        .onComplete(x -> pruning.set(false));
  }

  private Future<Integer> deleteFrom(Instant before, int deleted) {
    return keys.deleteClaimedBefore(pool, before, chunk)
        .compose(n -> n < chunk ? Future.succeededFuture(deleted + n) : deleteFrom(before, deleted + n));
  }
}
