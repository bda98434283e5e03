package org.open12345.hotline.notify;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.Set;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.JsonBody;

/**
 * {@code GET /api/outbox}: what the hotline sent or is about to send (the dev view of SMS, and the
 * dead letters an operator must look at); {@code POST /api/outbox/{id}/retry} resends a dead one.
 */
public final class OutboxRoutes {
  private static final Set<String> STATUSES = Set.of("pending", "sent", "failed");
  private final Pool pool;
  private final OutboxRepository repository;

  public OutboxRoutes(Pool pool, OutboxRepository repository) {
    this.pool = pool;
    this.repository = repository;
  }

  public void mount(Router api) {
    api.get("/outbox").handler(this::list);
    api.post("/outbox/:id/retry").handler(this::retry);
  }

  private void list(RoutingContext ctx) {
    var p = ctx.queryParams();
    String status = p.get("status");
    if (status != null && !STATUSES.contains(status)) {
      throw ApiException.badField("status", "must be one of pending, sent, failed");
    }
    Long ticketId = p.get("ticket_id") == null ? null : id(p.get("ticket_id"), "ticket_id");
    int limit = p.get("limit") == null ? 100 : (int) Math.min(500, Math.max(1, id(p.get("limit"), "limit")));
    repository.list(pool, status, p.get("channel"), p.get("recipient"), ticketId, limit)
        .onSuccess(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(r -> items.add(r.toJson()));
          JsonBody.reply(ctx, 200, new JsonObject().put("items", items));
        })
        .onFailure(ctx::fail);
  }

  private void retry(RoutingContext ctx) {
    long id = id(ctx.pathParam("id"), "id");
    repository.retryFailed(pool, id)
        .compose(done -> repository.find(pool, id).map(row -> {
          if (row == null) {
            throw ApiException.notFound("no outbox message " + id);
          }
          if (!done) {
            throw new ApiException(409, "not_failed", "message " + id + " is " + row.status()
                + "; only failed messages can be resent", new JsonObject().put("status", row.status()));
          }
          return row;
        }))
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
