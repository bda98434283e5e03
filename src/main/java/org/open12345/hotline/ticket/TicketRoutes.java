package org.open12345.hotline.ticket;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;
import java.util.EnumSet;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Actors;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.ClientAddress;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.JsonFields;
import org.open12345.hotline.web.QueryParams;

/** {@code /api/tickets}: operators record tickets, everybody reads them, roles act on them. */
public final class TicketRoutes {
  private static final int MAX_PAGE_SIZE = 200;
  private final TicketService service;
  private final ContactReveals reveals;
  private final ZoneId zone;

  public TicketRoutes(TicketService service, ContactReveals reveals, ZoneId zone) {
    this.service = service;
    this.reveals = reveals;
    this.zone = zone;
  }

  /** Mounts on the ticket feature's sub-router (at /api/tickets). */
  public void mount(Router tickets) {
    tickets.post("/").handler(this::create);
    tickets.get("/").handler(this::list);
    tickets.get("/:number").handler(this::get);
    tickets.post("/:number/actions/:action").handler(this::act);
    tickets.post("/:number/reveal").handler(this::reveal);
  }

  private void create(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    if (!EnumSet.of(Role.OPERATOR, Role.DISPATCHER).contains(actor.role())) {
      throw new ApiException(403, "forbidden_action", "role " + actor.role() + " may not record tickets", null);
    }
    JsonObject body = JsonBody.of(ctx);
    NewTicket draft = NewTicketParser.parse(body, Channel.PHONE);
    String answer = NewTicketParser.onSpotAnswer(body);
    (answer == null ? service.create(draft, actor) : service.createAnswered(draft, actor, answer, null))
        .compose(service::withTimelineOfNew)
        .onSuccess(detail -> {
          ctx.response().putHeader("Location", "/api/tickets/" + detail.ticket().number());
          JsonBody.reply(ctx, 201, detail.toJson());
        })
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    String number = ctx.pathParam("number");
    Actor viewer = Actors.of(ctx);
    service.detail(number, viewer.scope())
        .onSuccess(detail -> JsonBody.reply(ctx, 200, detail.toJson(viewer)))
        .onFailure(ctx::fail);
  }

  /** A department reads a confidential ticket's contacts, saying why (logged twice). */
  private void reveal(RoutingContext ctx) {
    JsonFields f = new JsonFields(ctx.body().buffer() == null || ctx.body().buffer().length() == 0
        ? new JsonObject() : JsonBody.of(ctx)).onlyKnown(java.util.Set.of("reason"));
    String reason = f.requiredText("reason", 500);
    reveals.reveal(ctx.pathParam("number"), Actors.of(ctx), reason, ClientAddress.of(ctx))
        .onSuccess(json -> {
          ctx.response().putHeader("Cache-Control", "no-store");
          JsonBody.reply(ctx, 200, json);
        })
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
        "master_number", "answer", "co_department_ids", "policy"));
    ActionRequest req = new ActionRequest(f.optionalText("note", 2000), f.optionalText("department_id", 64),
        f.optionalText("reason", 2000), f.optionalText("master_number", 32), f.optionalText("policy", 64),
        f.optionalText("answer", NewTicketParser.MAX_ANSWER), f.optionalTextList("co_department_ids", 10, 64));
    service.act(ctx.pathParam("number"), action, actor, req)
        .compose(service::withTimeline)
        .onSuccess(detail -> JsonBody.reply(ctx, 200, detail.toJson(actor)))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    var p = ctx.queryParams();
    if ("true".equals(p.get("overdue"))) {
      // The overdue list is the deadline feature's (/api/deadlines/overdue), also offered here
      // under the ticket URL; the other filters pass through unchanged.
      io.netty.handler.codec.http.QueryStringEncoder rest =
          new io.netty.handler.codec.http.QueryStringEncoder("/api/deadlines/overdue");
      p.forEach((name, value) -> {
        if (!name.equals("overdue")) {
          rest.addParam(name, value);
        }
      });
      ctx.reroute(rest.toString());
      return;
    }
    TicketStatus status = null;
    if (p.get("status") != null) {
      status = TicketStatus.parse(p.get("status"));
      if (status == null) {
        throw ApiException.badField("status", "unknown status '" + p.get("status") + "'");
      }
    }
    int page = QueryParams.integer(p.get("page"), "page", 0, 0, 100_000);
    int size = QueryParams.integer(p.get("size"), "size", 50, 1, MAX_PAGE_SIZE);
    Actor viewer = Actors.of(ctx);
    TicketQuery q = new TicketQuery(status, p.get("department"), QueryParams.day(p.get("from"), "from", 0, zone),
        QueryParams.day(p.get("to"), "to", 1, zone), p.get("phone"), page, size, viewer.scope());
    service.list(q)
        .onSuccess(tickets -> {
          JsonArray items = new JsonArray();
          tickets.forEach(t -> items.add(t.toJson(viewer)));
          JsonBody.reply(ctx, 200, new JsonObject().put("page", page).put("size", size).put("items", items));
        })
        .onFailure(ctx::fail);
  }

}
