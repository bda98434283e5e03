package org.open12345.hotline.evaluation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Actors;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.JsonFields;
import org.open12345.hotline.web.QueryParams;

/**
 * 差评 cases over HTTP: {@code GET /rating-cases} ({@code status}, {@code department}),
 * {@code GET /rating-cases/{id}}, and {@code POST /rating-cases/{id}/callback|fix|explain|close}.
 * The rules are {@link RatingCases}' and {@link RatingCaseLife}'.
 */
public final class RatingCaseRoutes {
  private final RatingCases cases;

  public RatingCaseRoutes(RatingCases cases) {
    this.cases = cases;
  }

  public void mount(Router api) {
    api.get("/rating-cases").handler(this::list);
    api.get("/rating-cases/:id").handler(this::one);
    api.post("/rating-cases/:id/callback").handler(this::callback);
    api.post("/rating-cases/:id/fix").handler(this::fix);
    api.post("/rating-cases/:id/explain").handler(this::explain);
    api.post("/rating-cases/:id/close").handler(this::close);
  }

  private void list(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    var p = ctx.queryParams();
    String statusText = p.get("status");
    RatingCaseStatus status = null;
    if (statusText != null) {
      try {
        status = RatingCaseStatus.valueOf(statusText.trim().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ApiException.badField("status", "one of " + java.util.Arrays.toString(RatingCaseStatus.values()));
      }
    }
    int size = QueryParams.integer(p.get("size"), "size", 50, 1, 200);
    int page = QueryParams.integer(p.get("page"), "page", 0, 0, 100_000);
    cases.list(status, p.get("department"), actor, page, size)
        .onSuccess(found -> {
          JsonArray items = new JsonArray();
          found.items().forEach(c -> items.add(RatingJson.ratingCase(c, found.numberOf(c.ticketId()))));
          JsonBody.reply(ctx, 200, new JsonObject().put("page", page).put("size", size).put("items", items));
        })
        .onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    reply(ctx, cases.find(id(ctx), Actors.of(ctx)));
  }

  private void callback(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    long id = id(ctx);
    JsonFields f = new JsonFields(JsonBody.of(ctx))
        .onlyKnown(Set.of("reached", "attempts", "citizen_account", "founded", "note"));
    boolean reached = bool(f, "reached");
    boolean founded = bool(f, "founded");
    Object attempts = f.raw().getValue("attempts");
    if (attempts != null && !(attempts instanceof Integer)) {
      throw ApiException.badField("attempts", "must be a whole number");
    }
    var callback = new RatingCaseLife.Callback(reached, attempts == null ? 1 : (Integer) attempts,
        f.optionalText("citizen_account", 4000), founded, f.optionalText("note", 2000));
    reply(ctx, cases.callback(id, actor, callback));
  }

  private void fix(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    long id = id(ctx);
    JsonFields f = new JsonFields(JsonBody.of(ctx)).onlyKnown(Set.of("fix"));
    reply(ctx, cases.fix(id, actor, f.requiredText("fix", 500)));
  }

  private void explain(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    long id = id(ctx);
    JsonFields f = new JsonFields(JsonBody.of(ctx)).onlyKnown(Set.of("explanation"));
    reply(ctx, cases.explain(id, actor, f.requiredText("explanation", 500)));
  }

  private void close(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    long id = id(ctx);
    JsonFields f = new JsonFields(JsonBody.of(ctx)).onlyKnown(Set.of("note"));
    reply(ctx, cases.close(id, actor, f.optionalText("note", 2000)));
  }

  private static void reply(RoutingContext ctx, Future<Numbered<RatingCase>> result) {
    result.onSuccess(n -> JsonBody.reply(ctx, 200, RatingJson.ratingCase(n.items().get(0),
            n.numberOf(n.items().get(0).ticketId()))))
        .onFailure(ctx::fail);
  }

  private static boolean bool(JsonFields f, String field) {
    Object v = f.raw().getValue(field);
    if (!(v instanceof Boolean b)) {
      throw ApiException.badField(field, "is required: true or false");
    }
    return b;
  }

  private static long id(RoutingContext ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ApiException.notFound("no rating case " + ctx.pathParam("id"));
    }
  }
}
