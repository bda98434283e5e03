package org.open12345.hotline.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Actors;
import org.open12345.hotline.problem.InvalidField;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.JsonFields;
import org.open12345.hotline.web.QueryParams;

/**
 * {@code GET /dispatch-queue}: the manual dispatch queue, emergencies on top, each free-text ticket
 * with its suggestions; {@code POST /dispatch-queue/{number}/accept {"rank": k}} dispatches the
 * ticket as its k-th suggestion says (see {@link DispatchQueue}).
 */
public final class DispatchQueueRoutes {
  private final DispatchQueue queue;

  public DispatchQueueRoutes(DispatchQueue queue) {
    this.queue = queue;
  }

  public void mount(Router api) {
    api.get("/dispatch-queue").handler(this::page);
    api.post("/dispatch-queue/:number/accept").handler(this::accept);
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

  private void accept(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    JsonFields f = new JsonFields(JsonBody.of(ctx)).onlyKnown(Set.of("rank"));
    Double rank = f.optionalNumber("rank", 1, 3);
    if (rank == null || rank != Math.rint(rank)) {
      throw new InvalidField("rank", "must be 1, 2 or 3");
    }
    queue.accept(ctx.pathParam("number"), rank.intValue(), actor)
        .onSuccess(detail -> JsonBody.reply(ctx, 200, detail.toJson(actor)))
        .onFailure(ctx::fail);
  }
}
