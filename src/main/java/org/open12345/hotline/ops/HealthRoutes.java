package org.open12345.hotline.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.List;
import org.open12345.hotline.web.JsonBody;

/**
 * {@code /health}: the process answers. {@code /ready}: the database answers and the schema is
 * migrated (migrations run before the server listens, so listening implies migrated), with the
 * features' {@link ReadinessNotes} under {@code notes}. {@code /metrics}: Prometheus text.
 */
final class HealthRoutes {
  private final SchemaRepository schema;
  private final PrometheusMeterRegistry registry;
  private final List<ReadinessNotes> notes;

  HealthRoutes(SchemaRepository schema, PrometheusMeterRegistry registry, List<ReadinessNotes> notes) {
    this.schema = schema;
    this.registry = registry;
    this.notes = notes;
  }

  private JsonArray notes() {
    JsonArray out = new JsonArray();
    notes.forEach(n -> n.notes().forEach(out::add));
    return out;
  }

  void mount(Router root) {
    root.get("/health").handler(ctx -> JsonBody.reply(ctx, 200, new JsonObject().put("status", "up")));
    root.get("/ready").handler(ctx -> schema.currentVersion()
        .onSuccess(v -> JsonBody.reply(ctx, 200, new JsonObject().put("status", "ready")
            .put("schema_version", v.orElse(null)).put("notes", notes())))
        .onFailure(e -> JsonBody.reply(ctx, 503, new JsonObject().put("error", "not_ready")
            .put("message", "database unreachable: " + e.getMessage()).putNull("details"))));
    root.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
    root.get("/api/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8").sendFile("openapi.yaml"));
  }
}
