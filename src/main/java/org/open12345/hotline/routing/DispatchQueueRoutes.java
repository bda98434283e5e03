package org.open12345.hotline.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.QueryParams;

/** {@code GET /dispatch-queue}: the manual dispatch queue, emergencies on top (see {@link DispatchQueue}). */
public final class DispatchQueueRoutes {
  private final DispatchQueue queue;

  public DispatchQueueRoutes(DispatchQueue queue) {
    this.queue = queue;
  }

  public void mount(Router api) {
    api.get("/dispatch-queue").handler(this::page);
  }

  private void page(RoutingContext ctx) {
    var p = ctx.queryParams();
    int page = QueryParams.integer(p.get("page"), "page", 0, 0, 100_000);
    int size = QueryParams.integer(p.get("size"), "size", 50, 1, 200);
    queue.page(page, size)
        .onSuccess(entries -> {
          JsonArray items = new JsonArray();
          entries.forEach(e -> items.add(e.toJson()));
          JsonBody.reply(ctx, 200, new JsonObject().put("page", page).put("size", size).put("items", items));
        })
        .onFailure(ctx::fail);
  }
}
