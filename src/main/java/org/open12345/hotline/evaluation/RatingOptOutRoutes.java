package org.open12345.hotline.evaluation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Actors;
import org.open12345.hotline.ticket.PhoneNumbers;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.JsonFields;

/**
 * 退订 as the operators see it: {@code GET /rating-opt-outs/{phone}} (state and history) and
 * {@code POST /rating-opt-outs/{phone}} (the citizen asked an operator to stop or resume the
 * rating prompts).
 */
public final class RatingOptOutRoutes {
  private final RatingOptOuts optOuts;

  public RatingOptOutRoutes(RatingOptOuts optOuts) {
    this.optOuts = optOuts;
  }

  public void mount(Router api) {
    api.get("/rating-opt-outs/:phone").handler(this::get);
    api.post("/rating-opt-outs/:phone").handler(this::set);
  }

  private void get(RoutingContext ctx) {
    optOuts.state(PhoneNumbers.normalize(ctx.pathParam("phone")))
        .onSuccess(s -> JsonBody.reply(ctx, 200, json(s)))
        .onFailure(ctx::fail);
  }

  private void set(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    JsonFields f = new JsonFields(JsonBody.of(ctx)).onlyKnown(Set.of("opted_out", "note"));
    Object out = f.raw().getValue("opted_out");
    if (!(out instanceof Boolean b)) {
      throw ApiException.badField("opted_out", "is required: true (stop the prompts) or false (resume them)");
    }
    optOuts.set(PhoneNumbers.normalize(ctx.pathParam("phone")), b, actor, f.optionalText("note", 500))
        .onSuccess(s -> JsonBody.reply(ctx, 200, json(s)))
        .onFailure(ctx::fail);
  }

  private static JsonObject json(RatingOptOuts.State s) {
    JsonArray history = new JsonArray();
    s.history().forEach(c -> history.add(new JsonObject().put("opted_out", c.optedOut()).put("via", c.via())
        .put("actor", c.actor()).put("note", c.note()).put("at", c.at().toString())));
    return new JsonObject().put("phone", s.phone()).put("opted_out", s.optedOut()).put("history", history);
  }
}
