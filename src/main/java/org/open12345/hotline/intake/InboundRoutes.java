package org.open12345.hotline.intake;

import org.open12345.hotline.ticket.PhoneNumbers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Set;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.JsonBody;

/**
 * {@code GET /api/inbound?status=unparsed}: inbound SMS by outcome (unparsed replies wait here for a
 * person), and {@code GET /api/inbound/rejects}: payloads refused as malformed.
 */
public final class InboundRoutes {
  private static final Set<String> OUTCOMES = Set.of("pending", "ticket", "rating", "rating_duplicate",
      "rating_late", "unparsed", "emergency");
  private final Pool pool;

  public InboundRoutes(Pool pool) {
    this.pool = pool;
  }

  public void mount(Router api) {
    api.get("/inbound").handler(this::list);
    api.get("/inbound/rejects").handler(this::rejects);
  }

  private void list(RoutingContext ctx) {
    String status = ctx.queryParams().get("status");
    if (status != null && !OUTCOMES.contains(status)) {
      throw ApiException.badField("status", "must be one of " + String.join(", ", OUTCOMES));
    }
    String phone = ctx.queryParams().get("phone");
    pool.preparedQuery("SELECT m.id, m.provider, m.provider_message_id, m.phone, m.destination, m.text_body, "
            + "m.received_at, m.arrived_at, m.outcome, m.detail, t.number, m.rating_prompt_id, m.rating_id "
            + "FROM inbound_messages m LEFT JOIN tickets t ON t.id = m.ticket_id "
            + "WHERE ($1::text IS NULL OR m.outcome = $1) AND ($2::text IS NULL OR m.phone = $2) "
            + "ORDER BY m.arrived_at DESC, m.id DESC LIMIT 200")
        .execute(Tuple.of(status, phone == null ? null : PhoneNumbers.normalize(phone)))
        .onSuccess(rows -> {
          JsonArray items = new JsonArray();
          for (Row r : rows) {
            items.add(new JsonObject().put("id", r.getLong(0)).put("provider", r.getString(1))
                .put("provider_message_id", r.getString(2)).put("phone", r.getString(3))
                .put("destination", r.getString(4)).put("text", r.getString(5))
                .put("received_at", r.getOffsetDateTime(6).toInstant().toString())
                .put("arrived_at", r.getOffsetDateTime(7).toInstant().toString())
                .put("status", r.getString(8)).put("detail", r.getString(9)).put("ticket_number", r.getString(10))
                .put("rating_prompt_id", r.getLong(11)).put("rating_id", r.getLong(12)));
          }
          JsonBody.reply(ctx, 200, new JsonObject().put("items", items));
        })
        .onFailure(ctx::fail);
  }

  private void rejects(RoutingContext ctx) {
    pool.query("SELECT id, channel, provider, reason, field, raw, remote_ip, arrived_at FROM inbound_rejects "
            + "ORDER BY id DESC LIMIT 200")
        .execute()
        .onSuccess(rows -> {
          JsonArray items = new JsonArray();
          for (Row r : rows) {
            items.add(new JsonObject().put("id", r.getLong(0)).put("channel", r.getString(1))
                .put("provider", r.getString(2)).put("reason", r.getString(3)).put("field", r.getString(4))
                .put("raw", r.getString(5)).put("remote_ip", r.getString(6))
                .put("arrived_at", r.getOffsetDateTime(7).toInstant().toString()));
          }
          JsonBody.reply(ctx, 200, new JsonObject().put("items", items));
        })
        .onFailure(ctx::fail);
  }
}
