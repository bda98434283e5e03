package org.open12345.hotline.intake.voice;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Actors;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.JsonFields;

/** {@code GET /api/callback-tasks?status=open|done} and {@code POST /api/callback-tasks/{id}/done}. */
public final class CallbackTaskRoutes {
  private final CallbackTaskService tasks;

  public CallbackTaskRoutes(CallbackTaskService tasks) {
    this.tasks = tasks;
  }

  /** The routes under {@code /api/callback-tasks}. */
  public Router router(Vertx vertx) {
    Router r = Router.router(vertx);
    r.get("/").handler(this::list);
    r.post("/:id/done").handler(this::done);
    return r;
  }

  private void list(RoutingContext ctx) {
    String status = ctx.queryParams().get("status");
    if (status != null && !status.equals("open") && !status.equals("done")) {
      throw ApiException.badField("status", "must be open or done");
    }
    tasks.list(status)
        .onSuccess(found -> {
          JsonArray items = new JsonArray();
          found.forEach(k -> items.add(k.toJson()));
          JsonBody.reply(ctx, 200, new JsonObject().put("items", items));
        })
        .onFailure(ctx::fail);
  }

  private void done(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ApiException.badField("id", "must be a whole number");
    }
    JsonObject body = ctx.body().buffer() == null || ctx.body().buffer().length() == 0 ? new JsonObject()
        : JsonBody.of(ctx);
    String note = new JsonFields(body).onlyKnown(Set.of("note")).optionalText("note", 2000);
    tasks.done(id, actor, note)
        .onSuccess(task -> JsonBody.reply(ctx, 200, task.toJson()))
        .onFailure(ctx::fail);
  }
}
