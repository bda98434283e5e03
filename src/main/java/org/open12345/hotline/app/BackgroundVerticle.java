package org.open12345.hotline.app;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * The features' background work (outbox relay, escalation scheduler, rule and calendar watchers),
 * started in feature order on one context of its own and stopped in reverse order.
 */
final class BackgroundVerticle extends VerticleBase {
  private final Features features;

  BackgroundVerticle(Features features) {
    this.features = features;
  }

  @Override
  public Future<?> start() {
    return features.startBackground();
  }

  @Override
  public Future<?> stop() {
    return features.stopBackground();
  }
}
