package org.open12345.hotline.notify;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;

/** Blocks a test thread (never an event loop) until a future completes. */
public final class Await {

  private Await() {}

  public static <T> T result(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
