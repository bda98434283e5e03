package org.open12345.hotline.handling;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Actors;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.JsonFields;

/**
 * 协办 over HTTP: {@code GET /tickets/{number}/co-departments} lists the parts;
 * {@code POST .../co-departments/notes} and {@code .../co-departments/answer} are the calling
 * co-department's note and its part of the answer.
 */
public final class CoDepartmentRoutes {
  private final CoDepartments coDepartments;

  public CoDepartmentRoutes(CoDepartments coDepartments) {
    this.coDepartments = coDepartments;
  }

  public void mount(Router api) {
    api.get("/tickets/:number/co-departments").handler(this::list);
    api.post("/tickets/:number/co-departments/notes").handler(this::note);
    api.post("/tickets/:number/co-departments/answer").handler(this::answer);
  }

  private void list(RoutingContext ctx) {
    coDepartments.ofTicket(ctx.pathParam("number"), Actors.of(ctx))
        .onSuccess(parts -> {
          JsonArray items = new JsonArray();
          parts.forEach(p -> items.add(p.toJson()));
          JsonBody.reply(ctx, 200, new JsonObject().put("number", ctx.pathParam("number")).put("items", items));
        })
        .onFailure(ctx::fail);
  }

  private void note(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    String note = new JsonFields(JsonBody.of(ctx)).onlyKnown(Set.of("note")).requiredText("note", 2000);
    coDepartments.note(ctx.pathParam("number"), actor, note)
        .onSuccess(part -> JsonBody.reply(ctx, 201, part.toJson()))
        .onFailure(ctx::fail);
  }

  private void answer(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    String answer = new JsonFields(JsonBody.of(ctx)).onlyKnown(Set.of("answer")).requiredText("answer", 4000);
    coDepartments.answer(ctx.pathParam("number"), actor, answer)
        .onSuccess(part -> JsonBody.reply(ctx, 200, part.toJson()))
        .onFailure(ctx::fail);
  }
}
