package org.open12345.hotline.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import io.vertx.micrometer.PrometheusScrapingHandler;
import org.open12345.hotline.web.JsonBody;

/**
 * {@code /health}: the process answers. {@code /ready}: the database answers and the schema is
 * migrated (migrations run before the server listens, so listening implies migrated).
 * {@code /metrics}: Prometheus text.
 */
public final class HealthRoutes {
  private HealthRoutes() {}

  public static void mount(Router router, Pool pool, PrometheusMeterRegistry registry) {
    router.get("/health").handler(ctx -> JsonBody.reply(ctx, 200, new JsonObject().put("status", "up")));
    router.get("/ready").handler(ctx -> pool.query("SELECT version FROM flyway_schema_history "
            + "WHERE success ORDER BY installed_rank DESC LIMIT 1").execute()
        .onSuccess(rows -> JsonBody.reply(ctx, 200, new JsonObject().put("status", "ready")
            .put("schema_version", rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null)))
        .onFailure(e -> JsonBody.reply(ctx, 503, new JsonObject().put("error", "not_ready")
            .put("message", "database unreachable: " + e.getMessage()).putNull("details"))));
    router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
  }
}
