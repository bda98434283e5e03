package org.open12345.hotline.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * One feature package's entry point. The feature builds its own parts in its constructor (or a
 * static factory); {@code app/} only creates features in order and calls these methods.
 *
 * <p>{@link #mount} is called once per HTTP verticle instance (one per event loop), so it must
 * only create routers and handlers over the feature's shared, thread-safe services. Background
 * work (relays, schedulers, file watchers) runs from {@link #start}, called once, on the
 * background verticle's context.
 */
public interface Feature {
  /** Short name for logs, e.g. {@code deadline}. */
  String name();

  /**
   * Adds this feature's routes: a sub-router of its own under {@code api} (which is mounted at
   * {@code /api}), and public pages or webhooks on {@code root}.
   */
  default void mount(Vertx vertx, Router root, Router api) {}

  /** Starts background work; the future completes when it runs. */
  default Future<Void> start() {
    return Future.succeededFuture();
  }

  /** Stops background work; the future completes when it has stopped. */
  default Future<Void> stop() {
    return Future.succeededFuture();
  }
}
