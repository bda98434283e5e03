package org.open12345.hotline.notify;

import io.vertx.core.Future;

/**
 * Turns a failure to reach a provider (refused, reset, timed out, TLS) into a retry, so that
 * every sender's future succeeds with an outcome. A timeout may hide a message the provider did
 * accept; retrying is still right for the outbox, which prefers a rare duplicate to a loss.
 */
public final class TransportFailure {

  private TransportFailure() {}

  public static Future<SendOutcome> asRetry(Throwable failure) {
    String what = failure.getClass().getSimpleName();
    String message = failure.getMessage();
    return Future.succeededFuture(
        SendOutcome.retry(message == null ? what : what + ": " + message));
  }
}
