package org.open12345.hotline.deadline;

import org.open12345.hotline.web.QueryParams;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.escalation.Durations;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketRepository;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.JsonBody;

/**
 * {@code GET /tickets/{number}/deadlines}: each deadline with due time, time left and state, the
 * ladder steps and extension requests; {@code GET /deadlines/overdue}: open tickets past a
 * running deadline, most overdue first (the ticket list's {@code overdue=true}, kept here so the
 * ticket list needs no join on deadlines).
 */
public final class DeadlineViewRoutes {
  private final Pool pool;
  private final TicketRepository tickets;
  private final DeadlineStore store;
  private final TicketDeadlineRules rules;
  private final Clock clock;

  public DeadlineViewRoutes(Pool pool, TicketRepository tickets, DeadlineStore store, TicketDeadlineRules rules,
      Clock clock) {
    this.pool = pool;
    this.tickets = tickets;
    this.store = store;
    this.rules = rules;
    this.clock = clock;
  }

  public void mount(Router api) {
    api.get("/tickets/:number/deadlines").handler(this::ticket);
    api.get("/deadlines/overdue").handler(this::overdue);
  }

  private void ticket(RoutingContext ctx) {
    String number = ctx.pathParam("number");
    tickets.findByNumber(pool, number)
        .compose(found -> {
          Ticket t = found.orElseThrow(() -> ApiException.notFound("no ticket " + number));
          return store.find(pool, t.id()).compose(d -> steps(t.id()).compose(steps -> extensions(t.id())
              .map(ext -> view(t, d.orElse(null), steps, ext))));
        })
        .onSuccess(json -> JsonBody.reply(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  private JsonObject view(Ticket t, TicketDeadlines d, JsonArray steps, JsonArray extensions) {
    JsonObject out = new JsonObject().put("number", t.number()).put("status", t.status().name())
        .put("steps", steps).put("extensions", extensions);
    if (d == null) {
      return out.put("deadlines", new JsonArray());
    }
    Instant now = clock.instant();
    Map<DeadlineKind, Duration> left = rules.timeLeft(d);
    JsonArray list = new JsonArray();
    for (Deadline dl : d.deadlines().values()) {
      JsonObject j = new JsonObject()
          .put("kind", dl.kind().name()).put("label", dl.kind().label()).put("span", dl.span().toString())
          .put("due_at", dl.dueAt().toString()).put("warn_at", dl.warnAt().toString())
          .put("escalate_at", dl.escalateAt().toString()).put("revision", dl.revision())
          .put("met_at", dl.metAt() == null ? null : dl.metAt().toString());
      String state;
      if (dl.isMet()) {
        state = dl.isMetInTime() ? "met" : "met_late";
      } else if (d.isFrozen(dl)) {
        state = "paused";
      } else if (t.status().terminal()) {
        state = "ended";
      } else {
        state = dl.isMissed(now) ? "missed" : "open";
      }
      j.put("state", state);
      Duration l = left.get(dl.kind());
      if (l != null && !t.status().terminal()) {
        j.put("time_left_seconds", l.toSeconds())
            .put("time_left", (l.isNegative() ? "超期" : "剩余") + Durations.chinese(l));
      }
      list.add(j);
    }
    return out.put("policy", d.policy().name()).put("dispatched_at", d.dispatchedAt().toString())
        .put("paused_at", d.pausedAt() == null ? null : d.pausedAt().toString()).put("deadlines", list);
  }

  private Future<JsonArray> steps(long ticketId) {
    return pool.preparedQuery("SELECT key, deadline_kind, step_kind, level, due_at, status, fired_at, revision "
            + "FROM escalation_steps WHERE ticket_id = $1 ORDER BY due_at, level, id")
        .execute(Tuple.of(ticketId))
        .map(rows -> {
          JsonArray a = new JsonArray();
          rows.forEach(r -> a.add(new JsonObject().put("key", r.getString("key"))
              .put("deadline", r.getString("deadline_kind")).put("step", r.getString("step_kind"))
              .put("level", r.getInteger("level")).put("due_at", r.getOffsetDateTime("due_at").toInstant().toString())
              .put("status", r.getString("status")).put("revision", r.getInteger("revision"))
              .put("fired_at", r.getOffsetDateTime("fired_at") == null ? null
                  : r.getOffsetDateTime("fired_at").toInstant().toString())));
          return a;
        });
  }

  private Future<JsonArray> extensions(long ticketId) {
    return pool.preparedQuery("SELECT * FROM deadline_extensions WHERE ticket_id = $1 ORDER BY id")
        .execute(Tuple.of(ticketId))
        .map(rows -> {
          JsonArray a = new JsonArray();
          rows.forEach(r -> a.add(ExtensionRoutes.json(r)));
          return a;
        });
  }

  private void overdue(RoutingContext ctx) {
    var p = ctx.queryParams();
    int size = QueryParams.integer(p.get("size"), "size", 50, 1, 200);
    int page = QueryParams.integer(p.get("page"), "page", 0, 0, 100_000);
    List<Object> args = new ArrayList<>();
    args.add(clock.instant().atOffset(ZoneOffset.UTC));
    StringBuilder sql = new StringBuilder("SELECT t.number, t.status, d.department_id, d.policy, d.open_due_at "
        + "FROM ticket_deadlines d JOIN tickets t ON t.id = d.ticket_id WHERE d.open_due_at < $1");
    if (p.get("department") != null) {
      args.add(p.get("department"));
      sql.append(" AND d.department_id = $").append(args.size());
    }
    args.add(size);
    sql.append(" ORDER BY d.open_due_at LIMIT $").append(args.size());
    args.add((long) page * size);
    sql.append(" OFFSET $").append(args.size());
    Instant now = clock.instant();
    pool.preparedQuery(sql.toString()).execute(Tuple.from(args))
        .onSuccess(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(r -> {
            Instant due = r.getOffsetDateTime("open_due_at").toInstant();
            Duration late = Duration.between(due, now);
            items.add(new JsonObject().put("number", r.getString("number")).put("status", r.getString("status"))
                .put("department_id", r.getString("department_id")).put("policy", r.getString("policy"))
                .put("due_at", due.toString()).put("overdue_seconds", late.toSeconds())
                .put("overdue", Durations.chinese(late)));
          });
          JsonBody.reply(ctx, 200, new JsonObject().put("page", page).put("size", size).put("items", items));
        })
        .onFailure(ctx::fail);
  }
}
