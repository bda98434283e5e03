package org.open12345.hotline.notify;

import io.vertx.core.Future;

/** Delivers outbox messages over one channel. */
public interface MessageSender {

  /** The channel name messages carry in {@link OutboundMessage#channel()}, e.g. {@code mail}. */
  String channel();

  /** Sends once; the future succeeds with the outcome, whatever the provider said. */
  Future<SendOutcome> send(OutboundMessage message);

  /**
   * Whether a message to {@code recipient} could be sent at all (a named robot or endpoint exists
   * in the config); lets callers skip an address that would only make a dead letter.
   */
  default boolean addresses(String recipient) {
    return true;
  }
}
