package org.open12345.hotline.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits in a test thread (never an event loop): for a future, or for a condition to hold. */
public final class Await {

  private Await() {}

  public static <T> T result(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** {@link #result} for callers that do not declare checked exceptions. */
  public static <T> T resultOf(Future<T> future) {
    try {
      return result(future);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Polls a condition (not a sleep standing in for one) until it holds or {@code limit} passes. */
  public static void until(BooleanSupplier condition, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("condition not met within " + limit.toSeconds() + " s");
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  public static void until(BooleanSupplier condition) throws InterruptedException {
    until(condition, Duration.ofSeconds(30));
  }
}
