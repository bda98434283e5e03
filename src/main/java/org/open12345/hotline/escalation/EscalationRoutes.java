package org.open12345.hotline.escalation;

import org.open12345.hotline.web.QueryParams;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.open12345.hotline.web.QueryParams;

/**
 * {@code GET /escalations?department=&level=&from=&to=&page=&size=}: fired ladder steps, newest
 * first; {@code from}/{@code to} are local dates of firing (to inclusive).
 */
public final class EscalationRoutes {
  private final Pool pool;
  private final ZoneId zone;

  public EscalationRoutes(Pool pool, ZoneId zone) {
    this.pool = pool;
    this.zone = zone;
  }

  public void mount(Router api) {
    api.get("/escalations").handler(this::list);
  }

  private void list(RoutingContext ctx) {
    var p = ctx.queryParams();
    int size = QueryParams.integer(p.get("size"), "size", 50, 1, 500);
    int page = QueryParams.integer(p.get("page"), "page", 0, 0, 100_000);
    Instant from = QueryParams.day(p.get("from"), "from", 0, zone);
    Instant to = QueryParams.day(p.get("to"), "to", 1, zone);
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT s.key, s.deadline_kind, s.step_kind, s.level, s.due_at, "
        + "s.deadline_due_at, s.fired_at, s.department_id, s.circulate, t.number FROM escalation_steps s "
        + "JOIN tickets t ON t.id = s.ticket_id WHERE s.status = 'fired'");
    if (p.get("department") != null) {
      args.add(p.get("department"));
      sql.append(" AND s.department_id = $").append(args.size());
    }
    if (p.get("level") != null) {
      args.add(QueryParams.integer(p.get("level"), "level", 0, 0, 10));
      sql.append(" AND s.level = $").append(args.size());
    }
    if (from != null) {
      args.add(from.atOffset(ZoneOffset.UTC));
      sql.append(" AND s.fired_at >= $").append(args.size());
    }
    if (to != null) {
      args.add(to.atOffset(ZoneOffset.UTC));
      sql.append(" AND s.fired_at < $").append(args.size());
    }
    args.add(size);
    sql.append(" ORDER BY s.fired_at DESC, s.id DESC LIMIT $").append(args.size());
    args.add((long) page * size);
    sql.append(" OFFSET $").append(args.size());
    pool.preparedQuery(sql.toString()).execute(Tuple.from(args))
        .onSuccess(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(r -> {
            Instant fired = r.getOffsetDateTime("fired_at").toInstant();
            Instant deadline = r.getOffsetDateTime("deadline_due_at").toInstant();
            items.add(new JsonObject().put("key", r.getString("key")).put("number", r.getString("number"))
                .put("department_id", r.getString("department_id")).put("deadline", r.getString("deadline_kind"))
                .put("step", r.getString("step_kind")).put("step_label", StepKind.valueOf(r.getString("step_kind")).label())
                .put("level", r.getInteger("level")).put("circulate", r.getBoolean("circulate"))
                .put("due_at", r.getOffsetDateTime("due_at").toInstant().toString())
                .put("deadline_due_at", deadline.toString()).put("fired_at", fired.toString())
                .put("late_by_seconds", java.time.Duration.between(deadline, fired).toSeconds()));
          });
          io.vertx.core.json.JsonObject out = new JsonObject().put("page", page).put("size", size).put("items", items);
          org.open12345.hotline.web.JsonBody.reply(ctx, 200, out);
        })
        .onFailure(ctx::fail);
  }
}
