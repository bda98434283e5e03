package org.open12345.hotline.intake;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;
import java.util.Set;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.QueryParams;

/**
 * {@code GET /api/emergency-transfers}: emergencies found in citizens' SMS, call transcripts and web complaints,
 * newest first (who, channel, matched word, number advised, time, what the server did), filtered
 * by {@code from}/{@code to} (local dates), {@code number} and {@code channel}.
 */
public final class EmergencyTransferRoutes {
  private static final Set<String> NUMBERS = Set.of("110", "119", "120", "122");
  private static final Set<String> CHANNELS = Set.of("sms", "call", "web");
  private final EmergencyTransfers transfers;
  private final ZoneId zone;

  public EmergencyTransferRoutes(EmergencyTransfers transfers, ZoneId zone) {
    this.transfers = transfers;
    this.zone = zone;
  }

  public Router router(Vertx vertx) {
    Router r = Router.router(vertx);
    r.get("/").handler(this::list);
    return r;
  }

  private void list(RoutingContext ctx) {
    var p = ctx.queryParams();
    String number = p.get("number");
    if (number != null && !NUMBERS.contains(number)) {
      throw ApiException.badField("number", "must be one of 110, 119, 120, 122");
    }
    String channel = p.get("channel");
    if (channel != null && !CHANNELS.contains(channel)) {
      throw ApiException.badField("channel", "must be sms, call or web");
    }
    int page = QueryParams.integer(p.get("page"), "page", 0, 0, 100_000);
    int size = QueryParams.integer(p.get("size"), "size", 50, 1, 200);
    transfers.list(QueryParams.day(p.get("from"), "from", 0, zone), QueryParams.day(p.get("to"), "to", 1, zone),
            number, channel, size, (long) page * size)
        .onSuccess(found -> {
          JsonArray items = new JsonArray();
          found.forEach(t -> items.add(t.toJson()));
          JsonBody.reply(ctx, 200, new JsonObject().put("page", page).put("size", size).put("items", items));
        })
        .onFailure(ctx::fail);
  }
}
