package org.open12345.hotline.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.open12345.hotline.web.Feature;

/** What an operations team reads: health, readiness, metrics and the API document. */
public final class OpsFeature implements Feature {
  private final SchemaRepository schema;
  private final PrometheusMeterRegistry registry;
  private final List<ReadinessNotes> notes = new CopyOnWriteArrayList<>();

  public OpsFeature(Pool pool, PrometheusMeterRegistry registry) {
    this.schema = new SchemaRepository(pool);
    this.registry = registry;
  }

  /** Adds a source of {@code /ready} notes (call before the server listens). */
  public OpsFeature addNotes(ReadinessNotes source) {
    notes.add(source);
    return this;
  }

  @Override
  public String name() {
    return "ops";
  }

  @Override
  public void mount(Vertx vertx, Router root, Router api) {
    new HealthRoutes(schema, registry, notes).mount(root);
  }
}
