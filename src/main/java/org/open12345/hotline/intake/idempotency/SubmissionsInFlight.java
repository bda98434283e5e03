package org.open12345.hotline.intake.idempotency;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The keyed submissions this instance is storing now. A copy (same key) that arrives meanwhile
 * waits for the first to end instead of racing it, then runs: it looks the key up first and gets
 * the stored answer, without counting as a submission against the phone's daily limit and without
 * rolling back the group-commit batch the two would otherwise share. Copies that reach different
 * instances meet on the key in the database instead (the later one is told the key is busy).
 */
final class SubmissionsInFlight {
  private final ConcurrentHashMap<String, Future<?>> running = new ConcurrentHashMap<>();

  /**
   * Runs {@code submission} now, or once the one running under the same key has ended, whatever
   * its outcome; it is told whether it waited for one (then that one has most likely stored it).
   */
  <T> Future<T> one(String keyHash, Function<Boolean, Future<T>> submission) {
    return one(keyHash, submission, false);
  }

  private <T> Future<T> one(String keyHash, Function<Boolean, Future<T>> submission, boolean waited) {
    Promise<T> mine = Promise.promise();
    Future<?> earlier = running.putIfAbsent(keyHash, mine.future());
    if (earlier == null) {
      Future<T> outcome;
      try {
        outcome = submission.apply(waited);
      } catch (RuntimeException e) {
        outcome = Future.failedFuture(e);
      }
      // gone from the map before anyone waiting on it runs again
      outcome.onComplete(done -> {
        running.remove(keyHash, mine.future());
        mine.handle(done);
      });
      return mine.future();
    }
    // back on this request's own event loop: the earlier one completes on its own
    Context here = Vertx.currentContext();
    earlier.onComplete(ended -> {
      if (here == null) {
        one(keyHash, submission, true).onComplete(mine);
      } else {
        here.runOnContext(v -> one(keyHash, submission, true).onComplete(mine));
      }
    });
    return mine.future();
  }
}
