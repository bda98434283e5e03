package org.open12345.hotline.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the rows of one table once they are older than their retention ({@code keep}): at start
 * (a server that was down past a prune is not a period late) and every {@code every}. Each chunk is
 * a statement of its own, so a prune never holds many row locks long or one long transaction; a
 * prune goes on chunk after chunk until one comes back short. Every instance prunes: the
 * repository's chunk skips rows another instance is deleting ({@code FOR UPDATE SKIP LOCKED}).
 */
public final class ExpiredRows {
  private static final Logger log = LoggerFactory.getLogger(ExpiredRows.class);
  public static final int CHUNK = 5_000;

  /** One chunk: deletes at most {@code limit} rows older than {@code before}, answers how many. */
  @FunctionalInterface
  public interface ChunkDelete {
    Future<Integer> olderThan(SqlClient db, Instant before, int limit);
  }

  /**
   * How long rows are kept, and how often older ones are deleted; both longer than zero, which the
   * configuration checks ({@code positiveDuration}) before anything is built.
   */
  public record Retention(Duration keep, Duration every) {}

  private final String what;
  private final Vertx vertx;
  private final Pool pool;
  private final ChunkDelete delete;
  private final Clock clock;
  private final Retention retention;
  private final int chunk;
  /** The latest prune asked for; the next one starts after it ends. */
  private Future<Integer> last = Future.succeededFuture(0);
  private long timer = -1;

  /** @param what the rows, for the log ({@code "idempotency keys"}) */
  public ExpiredRows(String what, Vertx vertx, Pool pool, ChunkDelete delete, Clock clock, Retention retention) {
    this(what, vertx, pool, delete, clock, retention, CHUNK);
  }

  public ExpiredRows(String what, Vertx vertx, Pool pool, ChunkDelete delete, Clock clock, Retention retention,
      int chunk) {
    this.what = what;
    this.vertx = vertx;
    this.pool = pool;
    this.delete = delete;
    this.clock = clock;
    this.retention = retention;
    this.chunk = chunk;
  }

  /** Prunes now, and every {@code every} from then on. */
  public Future<Void> start() {
    timer = vertx.setPeriodic(retention.every().toMillis(), id -> prune());
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
   * Deletes the rows older than {@code keep}, chunk by chunk; answers how many. One prune runs at
   * a time: one asked for while another runs starts when it ends, with the cutoff of that moment
   * (answering 0 at once, as it did, left rows that had expired since the running one began).
   */
  public synchronized Future<Integer> prune() {
    last = last.transform(x -> pruneNow());
    return last;
  }

  private Future<Integer> pruneNow() {
    Instant before = clock.instant().minus(retention.keep());
    return deleteFrom(before, 0)
        .onSuccess(n -> {
          if (n > 0) {
            log.info("deleted {} {} older than {}", n, what, before);
          }
        })
        .onFailure(e -> log.warn("{} could not be pruned (tried again in {}): {}", what, retention.every(),
            e.toString()));
  }

  private Future<Integer> deleteFrom(Instant before, int deleted) {
    return delete.olderThan(pool, before, chunk)
        .compose(n -> n < chunk ? Future.succeededFuture(deleted + n) : deleteFrom(before, deleted + n));
  }
}
