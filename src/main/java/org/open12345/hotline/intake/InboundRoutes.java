package org.open12345.hotline.intake;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.open12345.hotline.ticket.PhoneNumbers;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.JsonBody;

/**
 * {@code GET /api/inbound?status=unparsed}: inbound SMS by outcome (unparsed replies wait here for a
 * person), and {@code GET /api/inbound/rejects}: payloads refused as malformed.
 */
public final class InboundRoutes {
  private static final Set<String> OUTCOMES = Set.of("pending", "ticket", "rating", "rating_duplicate",
      "rating_late", "unparsed", "emergency");
  private final InboundService inbound;

  public InboundRoutes(InboundService inbound) {
    this.inbound = inbound;
  }

  /** The routes under {@code /api/inbound}. */
  public Router router(Vertx vertx) {
    Router r = Router.router(vertx);
    r.get("/").handler(this::list);
    r.get("/rejects").handler(this::rejects);
    return r;
  }

  private void list(RoutingContext ctx) {
    String status = ctx.queryParams().get("status");
    if (status != null && !OUTCOMES.contains(status)) {
      throw ApiException.badField("status", "must be one of " + String.join(", ", OUTCOMES));
    }
    String phone = ctx.queryParams().get("phone");
    inbound.messages(status, phone == null ? null : PhoneNumbers.normalize(phone))
        .onSuccess(found -> {
          JsonArray items = new JsonArray();
          found.forEach(m -> items.add(m.toJson()));
          JsonBody.reply(ctx, 200, new JsonObject().put("items", items));
        })
        .onFailure(ctx::fail);
  }

  private void rejects(RoutingContext ctx) {
    inbound.rejects()
        .onSuccess(found -> {
          JsonArray items = new JsonArray();
          found.forEach(r -> items.add(r.toJson()));
          JsonBody.reply(ctx, 200, new JsonObject().put("items", items));
        })
        .onFailure(ctx::fail);
  }
}
