package org.open12345.hotline.identity;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.QueryParams;

/** {@code GET /api/security-events}: the security log, newest first, for administrators. */
final class SecurityEventRoutes {
  private final SecurityLog log;

  SecurityEventRoutes(SecurityLog log) {
    this.log = log;
  }

  void mount(Router api) {
    api.get("/security-events").handler(this::list);
  }

  private void list(RoutingContext ctx) {
    var p = ctx.queryParams();
    int page = QueryParams.integer(p.get("page"), "page", 0, 0, 100_000);
    int size = QueryParams.integer(p.get("size"), "size", 50, 1, 200);
    log.list(p.get("kind"), p.get("subject"), page, size)
        .onSuccess(items -> JsonBody.reply(ctx, 200, new JsonObject().put("page", page).put("size", size)
            .put("items", new JsonArray(List.copyOf(items)))))
        .onFailure(ctx::fail);
  }
}
