package org.open12345.hotline.ticket;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.ZoneId;
import java.util.EnumSet;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Actors;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.JsonFields;
import org.open12345.hotline.web.QueryParams;

/** {@code /api/tickets}: operators record tickets, everybody reads them, roles act on them. */
public final class TicketRoutes {
  private static final int MAX_PAGE_SIZE = 200;
  private final Pool pool;
  private final TicketService service;
  private final ZoneId zone;

  public TicketRoutes(Pool pool, TicketService service, ZoneId zone) {
    this.pool = pool;
    this.service = service;
    this.zone = zone;
  }

  public void mount(Router api) {
    api.post("/tickets").handler(this::create);
    api.get("/tickets").handler(this::list);
    api.get("/tickets/:number").handler(this::get);
    api.post("/tickets/:number/actions/:action").handler(this::act);
  }

  private void create(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    if (!EnumSet.of(Role.OPERATOR, Role.DISPATCHER).contains(actor.role())) {
      throw new ApiException(403, "forbidden_action", "role " + actor.role() + " may not record tickets", null);
    }
    NewTicket draft = NewTicketParser.parse(JsonBody.of(ctx), Channel.PHONE);
    service.create(draft, actor)
        .compose(this::withTimeline)
        .onSuccess(json -> {
          ctx.response().putHeader("Location", "/api/tickets/" + json.getString("number"));
          JsonBody.reply(ctx, 201, json);
        })
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    String number = ctx.pathParam("number");
    service.repository().findByNumber(pool, number)
        .compose(t -> t.map(this::withTimeline).orElseGet(() -> Future.failedFuture(
            ApiException.notFound("no ticket " + number))))
        .onSuccess(json -> JsonBody.reply(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  private void act(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    TicketAction action = TicketAction.parse(ctx.pathParam("action"));
    if (action == null || action == TicketAction.CREATE) {
      throw new ApiException(404, "unknown_action", "no action '" + ctx.pathParam("action") + "'", null);
    }
    JsonObject body = ctx.body().buffer() == null || ctx.body().buffer().length() == 0
        ? new JsonObject() : JsonBody.of(ctx);
    JsonFields f = new JsonFields(body).onlyKnown(java.util.Set.of("note", "department_id", "reason",
        "master_number"));
    ActionRequest req = new ActionRequest(f.optionalText("note", 2000), f.optionalText("department_id", 64),
        f.optionalText("reason", 2000), f.optionalText("master_number", 32));
    service.act(ctx.pathParam("number"), action, actor, req)
        .compose(this::withTimeline)
        .onSuccess(json -> JsonBody.reply(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    var p = ctx.queryParams();
    TicketStatus status = null;
    if (p.get("status") != null) {
      status = TicketStatus.parse(p.get("status"));
      if (status == null) {
        throw ApiException.badField("status", "unknown status '" + p.get("status") + "'");
      }
    }
    int page = QueryParams.integer(p.get("page"), "page", 0, 0, 100_000);
    int size = QueryParams.integer(p.get("size"), "size", 50, 1, MAX_PAGE_SIZE);
    TicketQuery q = new TicketQuery(status, p.get("department"), QueryParams.day(p.get("from"), "from", 0, zone),
        QueryParams.day(p.get("to"), "to", 1, zone), p.get("phone"), page, size);
    service.repository().list(pool, q)
        .onSuccess(tickets -> {
          JsonArray items = new JsonArray();
          tickets.forEach(t -> items.add(t.toJson()));
          JsonBody.reply(ctx, 200, new JsonObject().put("page", page).put("size", size).put("items", items));
        })
        .onFailure(ctx::fail);
  }

  private Future<JsonObject> withTimeline(Ticket t) {
    return TicketEventLog.timeline(pool, t.id()).map(events -> {
      JsonArray timeline = new JsonArray();
      events.forEach(e -> timeline.add(e.toJson()));
      return t.toJson().put("timeline", timeline);
    });
  }


}
