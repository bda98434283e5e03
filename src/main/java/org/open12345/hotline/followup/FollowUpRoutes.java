package org.open12345.hotline.followup;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;
import java.util.Set;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Actors;
import org.open12345.hotline.followup.FollowUps.Recorded;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.JsonFields;
import org.open12345.hotline.web.QueryParams;

/**
 * 回访 over HTTP: {@code POST /tickets/{number}/follow-ups} records a call's result or sends the
 * SMS question, {@code GET /tickets/{number}/follow-ups} lists the tries, {@code GET
 * /follow-ups/figures} gives the 解决率 with its definition.
 */
public final class FollowUpRoutes {
  private final FollowUps followUps;
  private final ZoneId zone;

  public FollowUpRoutes(FollowUps followUps, ZoneId zone) {
    this.followUps = followUps;
    this.zone = zone;
  }

  public void mount(Router api) {
    api.post("/tickets/:number/follow-ups").handler(this::record);
    api.get("/tickets/:number/follow-ups").handler(this::list);
    api.get("/follow-ups/figures").handler(this::figures);
  }

  private void record(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    JsonFields f = new JsonFields(JsonBody.of(ctx)).onlyKnown(Set.of("method", "result", "note"));
    String method = f.optionalText("method", 8);
    String resultText = f.optionalText("result", 16);
    String note = f.optionalText("note", 2000);
    String number = ctx.pathParam("number");
    if (method == null || method.equalsIgnoreCase("PHONE")) {
      FollowUpResult result = FollowUpResult.parse(resultText);
      if (result == null) {
        throw ApiException.badField("result", resultText == null
            ? "is required for a call (SOLVED, NOT_SOLVED or NO_ANSWER)"
            : "unknown value '" + resultText + "' (one of SOLVED, NOT_SOLVED, NO_ANSWER)");
      }
      followUps.recordCall(number, actor, result, note).onSuccess(r -> reply(ctx, r)).onFailure(ctx::fail);
    } else if (method.equalsIgnoreCase("SMS")) {
      if (resultText != null || note != null) {
        throw ApiException.badField(resultText != null ? "result" : "note",
            "an SMS question has no result yet; the citizen's answer brings it");
      }
      followUps.ask(number, actor).onSuccess(r -> reply(ctx, r)).onFailure(ctx::fail);
    } else {
      throw ApiException.badField("method", "unknown value '" + method + "' (one of PHONE, SMS)");
    }
  }

  private static void reply(RoutingContext ctx, Recorded r) {
    JsonBody.reply(ctx, 201, r.followUp().toJson().put("ticket", new JsonObject()
        .put("number", r.ticket().number()).put("status", r.ticket().status().name())
        .put("status_label", r.ticket().status().label())));
  }

  private void list(RoutingContext ctx) {
    followUps.ofTicket(ctx.pathParam("number"), Actors.of(ctx))
        .onSuccess(list -> {
          JsonArray items = new JsonArray();
          list.forEach(f -> items.add(f.toJson()));
          JsonBody.reply(ctx, 200, new JsonObject().put("number", ctx.pathParam("number")).put("items", items));
        })
        .onFailure(ctx::fail);
  }

  private void figures(RoutingContext ctx) {
    var p = ctx.queryParams();
    followUps.figures(QueryParams.day(p.get("from"), "from", 0, zone), QueryParams.day(p.get("to"), "to", 1, zone),
            p.get("department"))
        .onSuccess(f -> JsonBody.reply(ctx, 200, f.toJson()))
        .onFailure(ctx::fail);
  }
}
