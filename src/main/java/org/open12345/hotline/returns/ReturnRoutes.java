package org.open12345.hotline.returns;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Actors;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.JsonFields;
import org.open12345.hotline.web.QueryParams;

/**
 * {@code GET /returns?status=pending|ruled&department=}: the centre's queue of returns (退单) and
 * the rulings made; {@code POST /returns/{id}/ruling}: rule on one; {@code GET /returns/reasons}:
 * the reasons a return may give. A department returns a ticket with
 * {@code POST /tickets/{number}/actions/return} and {@code reason} + {@code note}.
 */
public final class ReturnRoutes {
  private final Returns returns;
  private final ReturnReasonCatalog reasons;

  public ReturnRoutes(Returns returns, ReturnReasonCatalog reasons) {
    this.returns = returns;
    this.reasons = reasons;
  }

  public void mount(Router api) {
    api.get("/returns/reasons").handler(this::reasons);
    api.get("/returns").handler(this::list);
    api.post("/returns/:id/ruling").handler(this::rule);
  }

  private void reasons(RoutingContext ctx) {
    JsonArray items = new JsonArray();
    reasons.returnReasons().all().forEach(r -> items.add(new JsonObject().put("id", r.id()).put("name", r.name())));
    JsonBody.reply(ctx, 200, new JsonObject().put("items", items));
  }

  private void list(RoutingContext ctx) {
    var p = ctx.queryParams();
    String status = p.get("status") == null ? "pending" : p.get("status");
    if (!status.equals("pending") && !status.equals("ruled")) {
      throw ApiException.badField("status", "must be pending or ruled");
    }
    int size = QueryParams.integer(p.get("size"), "size", 50, 1, 200);
    int page = QueryParams.integer(p.get("page"), "page", 0, 0, 100_000);
    returns.list(status.equals("pending"), p.get("department"), page, size)
        .onSuccess(found -> {
          JsonArray items = new JsonArray();
          found.items().forEach(r -> items.add(json(r, found.asOf())));
          JsonBody.reply(ctx, 200, new JsonObject().put("page", page).put("size", size).put("items", items));
        })
        .onFailure(ctx::fail);
  }

  private void rule(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ApiException.notFound("no return " + ctx.pathParam("id"));
    }
    JsonFields f = new JsonFields(JsonBody.of(ctx)).onlyKnown(Set.of("decision", "department_id", "note"));
    String decisionText = f.requiredText("decision", 32);
    Returns.Decision decision;
    try {
      decision = Returns.Decision.valueOf(decisionText.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badField("decision", "must be redispatch or send_back");
    }
    returns.rule(id, actor, decision, f.optionalText("department_id", 64), f.optionalText("note", 2000))
        .onSuccess(r -> JsonBody.reply(ctx, 200, json(r, null)))
        .onFailure(ctx::fail);
  }

  /** @param asOf for a pending return's {@code ruling_overdue}; null leaves it out */
  static JsonObject json(TicketReturn r, Instant asOf) {
    JsonObject j = new JsonObject()
        .put("id", r.id())
        .put("number", r.ticketNumber())
        .put("department_id", r.departmentId())
        .put("returned_by", r.returnedBy())
        .put("reason", r.reason())
        .put("reason_label", r.reasonLabel())
        .put("note", r.note())
        .put("returned_at", r.returnedAt().toString())
        .put("ruling_due_at", text(r.rulingDueAt()))
        .put("status", r.status())
        .put("decision", r.decision())
        .put("redispatched_to", r.redispatchedTo())
        .put("ruled_by", r.ruledBy())
        .put("ruling_note", r.rulingNote())
        .put("ruled_at", text(r.ruledAt()))
        .put("ruled_in_time", r.ruledInTime())
        .put("counted_against_department", r.countedAgainstDepartment());
    if (asOf != null && r.isPending() && r.rulingDueAt() != null) {
      j.put("ruling_overdue", asOf.isAfter(r.rulingDueAt()));
    }
    return j;
  }

  private static String text(Instant i) {
    return i == null ? null : i.toString();
  }
}
