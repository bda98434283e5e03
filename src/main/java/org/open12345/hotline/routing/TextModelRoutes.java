package org.open12345.hotline.routing;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.open12345.hotline.web.JsonBody;

/** The free-text model: which one is in force, and training on demand. */
final class TextModelRoutes {
  private final TextModels models;

  TextModelRoutes(TextModels models) {
    this.models = models;
  }

  void mount(Router api) {
    api.get("/routing/model").handler(this::status);
    api.post("/routing/model/train").handler(this::train);
  }

  private void status(RoutingContext ctx) {
    JsonBody.reply(ctx, 200, status());
  }

  private JsonObject status() {
    JsonObject j = new JsonObject().put("version", null).put("trained_at", null).put("examples", null)
        .put("categories", null).put("took_ms", null);
    models.inForce().ifPresent(s -> j.put("version", s.version()).put("trained_at", s.trainedAt().toString())
        .put("examples", s.examples()).put("categories", s.categories()).put("took_ms", s.tookMs()));
    return j.put("problem", models.holder().problem());
  }

  private void train(RoutingContext ctx) {
    models.train()
        .onSuccess(o -> JsonBody.reply(ctx, 200, new JsonObject().put("status", o.status()).put("version", o.version())
            .put("examples", o.examples()).put("model", status())))
        .onFailure(ctx::fail);
  }
}
