package org.open12345.hotline.notify;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.open12345.hotline.auth.Actors;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.JsonBody;

/**
 * {@code GET /api/outbox}: what the hotline sent or is about to send (the dev view of SMS, and the
 * dead letters an operator must look at); {@code POST /api/outbox/{id}/retry} resends a dead one.
 */
public final class OutboxRoutes {
  private static final Set<String> STATUSES = Set.of("pending", "sent", "failed");
  private final Outbox outbox;
  private final OutboxView view;

  OutboxRoutes(Outbox outbox, OutboxView view) {
    this.outbox = outbox;
    this.view = view;
  }

  /** The routes under {@code /api/outbox}. */
  public Router router(Vertx vertx) {
    Router r = Router.router(vertx);
    r.get("/").handler(this::list);
    r.post("/:id/retry").handler(this::retry);
    return r;
  }

  private void list(RoutingContext ctx) {
    var p = ctx.queryParams();
    String status = p.get("status");
    if (status != null && !STATUSES.contains(status)) {
      throw ApiException.badField("status", "must be one of pending, sent, failed");
    }
    Long ticketId = p.get("ticket_id") == null ? null : id(p.get("ticket_id"), "ticket_id");
    int limit = p.get("limit") == null ? 100 : (int) Math.min(500, Math.max(1, id(p.get("limit"), "limit")));
    view.list(Actors.of(ctx), status, p.get("channel"), p.get("recipient"), ticketId, limit)
        .onSuccess(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(r -> items.add(r.toJson()));
          JsonBody.reply(ctx, 200, new JsonObject().put("items", items));
        })
        .onFailure(ctx::fail);
  }

  private void retry(RoutingContext ctx) {
    outbox.resend(id(ctx.pathParam("id"), "id"))
        .onSuccess(row -> JsonBody.reply(ctx, 200, row.toJson()))
        .onFailure(ctx::fail);
  }

  private static long id(String v, String field) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiException.badField(field, "must be a whole number");
    }
  }
}
