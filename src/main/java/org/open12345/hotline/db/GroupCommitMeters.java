package org.open12345.hotline.db;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * What a centre tuning {@code intake.batch.*} needs to see, on /metrics: how many tickets a COMMIT
 * carries, how long a request waits for its batch to start, how long a batch's transaction takes,
 * how often a batch is rolled back and its units run again, and how many batches waited for
 * PostgreSQL only once (their units asked it nothing before their rows). Tickets per COMMIT is
 * {@code hotline_intake_batch_items_sum / _count}.
 */
final class GroupCommitMeters {
  private final DistributionSummary items;
  private final Timer queued;
  private final Timer transaction;
  private final Counter rollbacks;
  private final Counter oneWait;

  /** @param registry where to publish; an empty {@code CompositeMeterRegistry} records nothing */
  GroupCommitMeters(MeterRegistry registry) {
    items = DistributionSummary.builder("hotline.intake.batch.items")
        .description("units (tickets) per group-commit transaction, retries included").register(registry);
    queued = Timer.builder("hotline.intake.batch.queue")
        .description("from a unit's submission to the start of its batch").register(registry);
    transaction = Timer.builder("hotline.intake.batch.transaction")
        .description("from a batch asking the pool for a connection to its COMMIT or rollback answered")
        .register(registry);
    rollbacks = Counter.builder("hotline.intake.batch.rollbacks")
        .description("batches rolled back whose units then ran again").register(registry);
    oneWait = Counter.builder("hotline.intake.batch.one.wait")
        .description("batches sent from BEGIN to COMMIT in one go: their units asked PostgreSQL nothing first")
        .register(registry);
  }

  void batchStarted(int size) {
    items.record(size);
  }

  void sentInOneGo() {
    oneWait.increment();
  }

  void waited(long nanos) {
    queued.record(nanos, TimeUnit.NANOSECONDS);
  }

  void transactionEnded(long nanos, boolean rolledBack) {
    transaction.record(nanos, TimeUnit.NANOSECONDS);
    if (rolledBack) {
      rollbacks.increment();
    }
  }
}
