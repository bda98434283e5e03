package org.open12345.hotline.evaluation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;
import java.util.Set;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Actors;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.JsonFields;
import org.open12345.hotline.web.QueryParams;

/**
 * Ratings over HTTP: {@code GET /ratings} (filters), {@code GET /tickets/{number}/ratings} (a
 * ticket's ratings and cases), {@code POST /ratings/{id}/appeal} and
 * {@code POST /ratings/{id}/appeal/decision}. The rules are the services'.
 */
public final class RatingRoutes {
  private static final Set<String> SOURCES = Set.of("sms", "keypad", "web");
  private static final Set<String> STATUSES = Set.of("counted", "duplicate", "late");
  private final RatingService ratings;
  private final RatingAppeals appeals;
  private final ZoneId zone;

  public RatingRoutes(RatingService ratings, RatingAppeals appeals, ZoneId zone) {
    this.ratings = ratings;
    this.appeals = appeals;
    this.zone = zone;
  }

  public void mount(Router api) {
    api.get("/ratings").handler(this::list);
    api.get("/tickets/:number/ratings").handler(this::ofTicket);
    api.post("/ratings/:id/appeal").handler(this::appeal);
    api.post("/ratings/:id/appeal/decision").handler(this::decide);
  }

  private void list(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    var p = ctx.queryParams();
    String levelText = p.get("level");
    RatingLevel level = null;
    if (levelText != null) {
      level = RatingLevel.parse(levelText).or(() -> code(levelText))
          .orElseThrow(() -> ApiException.badField("level", "one of 1-5, a level name or its label (e.g. 不满意)"));
    }
    String source = p.get("source");
    if (source != null && !SOURCES.contains(source)) {
      throw ApiException.badField("source", "one of sms, keypad, web");
    }
    String status = p.get("status");
    if (status != null && !STATUSES.contains(status)) {
      throw ApiException.badField("status", "one of counted, duplicate, late");
    }
    int size = QueryParams.integer(p.get("size"), "size", 50, 1, 200);
    int page = QueryParams.integer(p.get("page"), "page", 0, 0, 100_000);
    RatingRepository.Filter filter = new RatingRepository.Filter(p.get("department"), RatingService.scopeOf(actor),
        level, source, status, QueryParams.day(p.get("from"), "from", 0, zone), QueryParams.day(p.get("to"), "to", 1, zone),
        QueryParams.bool(p.get("has_case"), "has_case"), QueryParams.bool(p.get("appealed"), "appealed"),
        QueryParams.bool(p.get("excluded"), "excluded"), size, (long) page * size);
    ratings.list(filter)
        .onSuccess(found -> {
          JsonArray items = new JsonArray();
          found.items().forEach(r -> items.add(RatingJson.rating(r, found.numberOf(r.ticketId()))));
          JsonBody.reply(ctx, 200, new JsonObject().put("page", page).put("size", size).put("items", items));
        })
        .onFailure(ctx::fail);
  }

  private static java.util.Optional<RatingLevel> code(String text) {
    try {
      return RatingLevel.ofCode(Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }

  private void ofTicket(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    ratings.ofTicket(ctx.pathParam("number"), actor)
        .onSuccess(v -> {
          JsonArray items = new JsonArray();
          v.ratings().forEach(r -> items.add(RatingJson.rating(r, v.ticket().number())));
          JsonArray cases = new JsonArray();
          v.cases().forEach(c -> cases.add(RatingJson.ratingCase(c, v.ticket().number())));
          JsonBody.reply(ctx, 200, new JsonObject().put("number", v.ticket().number()).put("ratings", items)
              .put("cases", cases));
        })
        .onFailure(ctx::fail);
  }

  private void appeal(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    long id = id(ctx);
    JsonFields f = new JsonFields(JsonBody.of(ctx)).onlyKnown(Set.of("reason", "evidence"));
    String reason = f.requiredText("reason", 2000);
    String evidence = f.optionalText("evidence", 4000);
    appeals.appeal(id, actor, reason, evidence)
        .onSuccess(a -> JsonBody.reply(ctx, 201, RatingJson.appeal(a)))
        .onFailure(ctx::fail);
  }

  private void decide(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    long id = id(ctx);
    JsonFields f = new JsonFields(JsonBody.of(ctx)).onlyKnown(Set.of("uphold", "reason"));
    Object uphold = f.raw().getValue("uphold");
    if (!(uphold instanceof Boolean)) {
      throw ApiException.badField("uphold", "is required: true (the rating is excluded) or false (it stands)");
    }
    String reason = f.requiredText("reason", 2000);
    appeals.decide(id, actor, (Boolean) uphold, reason)
        .onSuccess(d -> JsonBody.reply(ctx, 200, new JsonObject().put("appeal", RatingJson.appeal(d.appeal()))
            .put("rating", RatingJson.rating(d.rating(), d.ticketNumber()))))
        .onFailure(ctx::fail);
  }

  private static long id(RoutingContext ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ApiException.notFound("no rating " + ctx.pathParam("id"));
    }
  }
}
