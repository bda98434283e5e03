package org.open12345.hotline.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.open12345.hotline.web.Feature;

/** What an operations team reads: health, readiness, metrics and the API document. */
public final class OpsFeature implements Feature {
  private final SchemaRepository schema;
  private final PrometheusMeterRegistry registry;
  private final List<Supplier<List<String>>> warningSources = new CopyOnWriteArrayList<>();

  public OpsFeature(Pool pool, PrometheusMeterRegistry registry) {
    this.schema = new SchemaRepository(pool);
    this.registry = registry;
  }

  @Override
  public String name() {
    return "ops";
  }

  /**
   * A source of configuration warnings shown in {@code /ready} (the server is ready, but something
   * will not be delivered or computed as the centre expects); asked at every request.
   */
  public OpsFeature addWarnings(Supplier<List<String>> source) {
    warningSources.add(source);
    return this;
  }

  private List<String> warnings() {
    List<String> out = new ArrayList<>();
    warningSources.forEach(s -> out.addAll(s.get()));
    return out;
  }

  @Override
  public void mount(Vertx vertx, Router root, Router api) {
    new HealthRoutes(schema, registry, this::warnings).mount(root);
  }
}
