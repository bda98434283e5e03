package org.open12345.hotline.intake.voice;

import org.open12345.hotline.ticket.PhoneNumbers;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Actors;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.JsonFields;

/**
 * The operator's view of callers: {@code GET /api/callers/{phone}} (screen pop: earlier tickets,
 * calls, open callback tasks), {@code GET /api/callback-tasks?status=open|done} and
 * {@code POST /api/callback-tasks/{id}/done}.
 */
public final class CallerRoutes {
  private static final String CALL_COLUMNS = "c.id, c.provider, c.call_id, c.from_number, c.to_number, c.direction, "
      + "c.answered, c.agent, c.recording_url, c.transcript, c.digits, c.started_at, c.ended_at, c.outcome, "
      + "c.outcome_reason, (SELECT number FROM tickets t WHERE t.id = c.ticket_id OR t.call_id = c.call_id "
      + "ORDER BY t.id LIMIT 1)";
  private static final String TASK_COLUMNS = "k.id, k.phone, k.hotline_number, k.status, k.created_at, k.done_at, "
      + "k.done_by, k.note, c.call_id, c.provider";
  private final Pool pool;
  private final Clock clock;

  public CallerRoutes(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  public void mount(Router api) {
    api.get("/callers/:phone").handler(this::caller);
    api.get("/callback-tasks").handler(this::tasks);
    api.post("/callback-tasks/:id/done").handler(this::done);
  }

  private void caller(RoutingContext ctx) {
    String phone = PhoneNumbers.normalize(ctx.pathParam("phone"));
    Future<RowSet<Row>> tickets = pool.preparedQuery("SELECT " + Ticket.COLUMNS + " FROM tickets "
        + "WHERE citizen_phone = $1 ORDER BY created_at DESC LIMIT 50").execute(Tuple.of(phone));
    Future<RowSet<Row>> calls = pool.preparedQuery("SELECT " + CALL_COLUMNS + " FROM calls c "
        + "WHERE c.from_number = $1 ORDER BY c.created_at DESC LIMIT 50").execute(Tuple.of(phone));
    Future<RowSet<Row>> tasks = pool.preparedQuery("SELECT " + TASK_COLUMNS + " FROM callback_tasks k "
        + "JOIN calls c ON c.id = k.call_pk WHERE k.phone = $1 AND k.status = 'open' ORDER BY k.id")
        .execute(Tuple.of(phone));
    Future.all(tickets, calls, tasks).onSuccess(v -> {
      JsonArray t = new JsonArray();
      tickets.result().forEach(r -> t.add(Ticket.from(r).toJson()));
      JsonArray c = new JsonArray();
      calls.result().forEach(r -> c.add(call(r)));
      JsonArray k = new JsonArray();
      tasks.result().forEach(r -> k.add(task(r)));
      JsonBody.reply(ctx, 200, new JsonObject().put("phone", phone).put("tickets", t).put("calls", c)
          .put("callback_tasks", k));
    }).onFailure(ctx::fail);
  }

  private void tasks(RoutingContext ctx) {
    String status = ctx.queryParams().get("status");
    if (status != null && !status.equals("open") && !status.equals("done")) {
      throw ApiException.badField("status", "must be open or done");
    }
    pool.preparedQuery("SELECT " + TASK_COLUMNS + " FROM callback_tasks k JOIN calls c ON c.id = k.call_pk "
            + "WHERE ($1::text IS NULL OR k.status = $1) ORDER BY k.created_at, k.id LIMIT 500")
        .execute(Tuple.of(status))
        .onSuccess(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(r -> items.add(task(r)));
          JsonBody.reply(ctx, 200, new JsonObject().put("items", items));
        })
        .onFailure(ctx::fail);
  }

  private void done(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ApiException.badField("id", "must be a whole number");
    }
    JsonObject body = ctx.body().buffer() == null || ctx.body().buffer().length() == 0 ? new JsonObject()
        : JsonBody.of(ctx);
    String note = new JsonFields(body).onlyKnown(java.util.Set.of("note")).optionalText("note", 2000);
    pool.preparedQuery("UPDATE callback_tasks SET status = 'done', done_at = $2, done_by = $3, note = $4 "
            + "WHERE id = $1 AND status = 'open'")
        .execute(Tuple.of(id, clock.instant().atOffset(ZoneOffset.UTC), actor.id(), note))
        .compose(updated -> pool.preparedQuery("SELECT " + TASK_COLUMNS + " FROM callback_tasks k "
                + "JOIN calls c ON c.id = k.call_pk WHERE k.id = $1").execute(Tuple.of(id))
            .map(rows -> {
              if (rows.size() == 0) {
                throw ApiException.notFound("no callback task " + id);
              }
              if (updated.rowCount() == 0) {
                throw new ApiException(409, "already_done", "callback task " + id + " is already done", null);
              }
              return task(rows.iterator().next());
            }))
        .onSuccess(json -> JsonBody.reply(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  private static JsonObject call(Row r) {
    return new JsonObject().put("id", r.getLong(0)).put("provider", r.getString(1)).put("call_id", r.getString(2))
        .put("from", r.getString(3)).put("to", r.getString(4)).put("direction", r.getString(5))
        .put("answered", r.getBoolean(6)).put("agent", r.getString(7)).put("recording_url", r.getString(8))
        .put("transcript", r.getString(9)).put("digits", r.getString(10)).put("started_at", text(r.getOffsetDateTime(11)))
        .put("ended_at", text(r.getOffsetDateTime(12))).put("outcome", r.getString(13))
        .put("outcome_reason", r.getString(14)).put("ticket_number", r.getString(15));
  }

  private static JsonObject task(Row r) {
    return new JsonObject().put("id", r.getLong(0)).put("phone", r.getString(1)).put("hotline_number", r.getString(2))
        .put("status", r.getString(3)).put("created_at", text(r.getOffsetDateTime(4)))
        .put("done_at", text(r.getOffsetDateTime(5))).put("done_by", r.getString(6)).put("note", r.getString(7))
        .put("call_id", r.getString(8)).put("provider", r.getString(9));
  }

  private static String text(OffsetDateTime t) {
    return t == null ? null : t.toInstant().toString();
  }
}
