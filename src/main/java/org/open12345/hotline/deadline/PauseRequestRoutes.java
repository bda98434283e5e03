package org.open12345.hotline.deadline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Actors;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.JsonFields;
import org.open12345.hotline.web.QueryParams;

/**
 * 暂停计时 by request: {@code POST /tickets/{number}/pause-requests} (the department),
 * {@code .../pause-requests/{id}/approve|refuse} (the centre), {@code GET /pause-requests} (the
 * centre's queue). The rules are {@link PauseRequests}'.
 */
public final class PauseRequestRoutes {
  private final PauseRequests pauses;

  public PauseRequestRoutes(PauseRequests pauses) {
    this.pauses = pauses;
  }

  public void mount(Router api) {
    api.post("/tickets/:number/pause-requests").handler(this::request);
    api.post("/tickets/:number/pause-requests/:id/:decision").handler(this::decide);
    api.get("/pause-requests").handler(this::queue);
  }

  private void request(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    JsonFields f = new JsonFields(JsonBody.of(ctx)).onlyKnown(Set.of("reason", "note"));
    PauseReason reason = ClockRoutes.reason(f);
    pauses.request(ctx.pathParam("number"), actor, reason, f.optionalText("note", 2000))
        .onSuccess(r -> JsonBody.reply(ctx, 201, json(r)))
        .onFailure(ctx::fail);
  }

  private void decide(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    DecisionRoutes path = DecisionRoutes.of(ctx, "pause request");
    JsonObject body = ctx.body().buffer() == null || ctx.body().buffer().length() == 0
        ? new JsonObject() : JsonBody.of(ctx);
    String number = ctx.pathParam("number");
    var decided = path.approve()
        ? pauses.approve(number, path.id(), actor, new JsonFields(body).onlyKnown(Set.of("note")).optionalText("note", 2000))
        : pauses.refuse(number, path.id(), actor,
            new JsonFields(body).onlyKnown(Set.of("reason")).requiredText("reason", 2000));
    decided.onSuccess(r -> JsonBody.reply(ctx, 200, json(r))).onFailure(ctx::fail);
  }

  private void queue(RoutingContext ctx) {
    var p = ctx.queryParams();
    int size = QueryParams.integer(p.get("size"), "size", 50, 1, 200);
    int page = QueryParams.integer(p.get("page"), "page", 0, 0, 100_000);
    pauses.pending(page, size)
        .onSuccess(list -> {
          JsonArray items = new JsonArray();
          list.forEach(r -> items.add(json(r)));
          JsonBody.reply(ctx, 200, new JsonObject().put("page", page).put("size", size).put("items", items));
        })
        .onFailure(ctx::fail);
  }

  /** A pause request as every answer shows it. */
  static JsonObject json(PauseRequest r) {
    return new JsonObject()
        .put("id", r.id())
        .put("number", r.ticketNumber())
        .put("department_id", r.departmentId())
        .put("requested_by", r.requestedBy())
        .put("reason", r.reason().name())
        .put("reason_label", r.reason().label())
        .put("note", r.note())
        .put("status", r.status())
        .put("decided_by", r.decidedBy())
        .put("decision_note", r.decisionNote())
        .put("requested_at", r.requestedAt().toString())
        .put("decided_at", r.decidedAt() == null ? null : r.decidedAt().toString());
  }
}
