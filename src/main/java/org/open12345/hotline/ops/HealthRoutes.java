package org.open12345.hotline.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;
import org.open12345.hotline.web.JsonBody;

/**
 * {@code /health}: the process answers. {@code /ready}: the database answers and the schema is
 * migrated (migrations run before the server listens, so listening implies migrated).
 * {@code /metrics}: Prometheus text.
 */
final class HealthRoutes {
  private final SchemaRepository schema;
  private final PrometheusMeterRegistry registry;

  HealthRoutes(SchemaRepository schema, PrometheusMeterRegistry registry) {
    this.schema = schema;
    this.registry = registry;
  }

  void mount(Router root) {
    root.get("/health").handler(ctx -> JsonBody.reply(ctx, 200, new JsonObject().put("status", "up")));
    root.get("/ready").handler(ctx -> schema.currentVersion()
        .onSuccess(v -> JsonBody.reply(ctx, 200, new JsonObject().put("status", "ready")
            .put("schema_version", v.orElse(null))))
        .onFailure(e -> JsonBody.reply(ctx, 503, new JsonObject().put("error", "not_ready")
            .put("message", "database unreachable: " + e.getMessage()).putNull("details"))));
    root.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
    root.get("/api/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8").sendFile("openapi.yaml"));
  }
}
