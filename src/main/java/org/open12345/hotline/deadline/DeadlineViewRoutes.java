package org.open12345.hotline.deadline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.open12345.hotline.auth.Actors;
import java.time.Duration;
import org.open12345.hotline.deadline.Deadlines.TicketView;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.QueryParams;

/**
 * {@code GET /tickets/{number}/deadlines}: each deadline with due time, time left and state, the
 * ladder steps and extension requests; {@code GET /deadlines/overdue}: open tickets past a
 * running deadline, most overdue first (the ticket list's {@code overdue=true}, kept here so the
 * ticket list needs no join on deadlines).
 */
public final class DeadlineViewRoutes {
  private final Deadlines deadlines;

  public DeadlineViewRoutes(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  public void mount(Router api) {
    api.get("/tickets/:number/deadlines").handler(this::ticket);
    api.get("/deadlines/overdue").handler(this::overdue);
  }

  private void ticket(RoutingContext ctx) {
    deadlines.view(ctx.pathParam("number"), Actors.of(ctx).scope())
        .onSuccess(view -> JsonBody.reply(ctx, 200, json(view)))
        .onFailure(ctx::fail);
  }

  private static JsonObject json(TicketView v) {
    JsonArray extensions = new JsonArray();
    v.extensions().forEach(e -> extensions.add(ExtensionRoutes.json(e)));
    JsonArray pauses = new JsonArray();
    v.pauseRequests().forEach(p -> pauses.add(PauseRequestRoutes.json(p)));
    JsonObject out = new JsonObject().put("number", v.ticket().number()).put("status", v.ticket().status().name())
        .put("steps", v.steps()).put("extensions", extensions).put("pause_requests", pauses);
    TicketDeadlines d = v.deadlines();
    JsonArray list = new JsonArray();
    if (d == null) {
      return out.put("deadlines", withCases(list, v));
    }
    boolean ended = v.ticket().status().terminal();
    for (Deadline dl : d.deadlines().values()) {
      list.add(deadline(dl, d.stateOf(dl, v.now(), ended), ended ? null : v.timeLeft().get(dl.kind())));
    }
    return out.put("policy", d.policy().name()).put("dispatched_at", d.dispatchedAt().toString())
        .put("paused_at", d.pausedAt() == null ? null : d.pausedAt().toString()).put("deadlines", withCases(list, v));
  }

  /**
   * The deadlines other features keep about the ticket (a 差评 case's callback and fix) after its
   * own, each naming its case; they run whatever the ticket's state (a rated ticket is closed).
   */
  private static JsonArray withCases(JsonArray list, TicketView v) {
    for (CaseDeadlines c : v.cases()) {
      for (Deadline dl : c.deadlines()) {
        String state = dl.isMet() ? (dl.isMetInTime() ? "met" : "met_late")
            : c.ended() ? "ended" : dl.isMissed(v.now()) ? "missed" : "open";
        boolean running = state.equals("open") || state.equals("missed");
        list.add(deadline(dl, state, running ? Duration.between(v.now(), dl.dueAt()) : null)
            .put("case", new JsonObject().put("owner", c.owner()).put("id", c.ownerId())
                .put("acting_department_id", c.actingDepartment(dl.kind()))));
      }
    }
    return list;
  }

  /** One deadline of the view; {@code timeLeft} null leaves the time-left fields out. */
  private static JsonObject deadline(Deadline dl, String state, Duration timeLeft) {
    JsonObject j = new JsonObject()
        .put("kind", dl.kind().name()).put("label", dl.kind().label()).put("span", dl.span().toString())
        .put("due_at", dl.dueAt().toString()).put("warn_at", dl.warnAt().toString())
        .put("warnings", TicketDeadlinesJson.warnAts(dl))
        .put("escalate_at", dl.escalateAt().toString()).put("revision", dl.revision())
        .put("met_at", dl.metAt() == null ? null : dl.metAt().toString())
        .put("state", state)
        .put("provisional", dl.isProvisional());
    if (dl.isProvisional()) {
      j.put("provisional_years", new JsonArray(dl.provisionalYears()));
    }
    if (timeLeft != null) {
      j.put("time_left_seconds", timeLeft.toSeconds())
          .put("time_left", (timeLeft.isNegative() ? "超期" : "剩余") + Durations.chinese(timeLeft));
    }
    return j;
  }

  private void overdue(RoutingContext ctx) {
    var p = ctx.queryParams();
    int size = QueryParams.integer(p.get("size"), "size", 50, 1, 200);
    int page = QueryParams.integer(p.get("page"), "page", 0, 0, 100_000);
    deadlines.overdue(p.get("department"), Actors.of(ctx).scope(), page, size)
        .onSuccess(overdue -> {
          JsonArray items = new JsonArray();
          overdue.tickets().forEach(r -> {
            Duration late = Duration.between(r.dueAt(), overdue.asOf());
            items.add(new JsonObject().put("number", r.number()).put("status", r.status())
                .put("department_id", r.departmentId()).put("policy", r.policy())
                .put("due_at", r.dueAt().toString()).put("overdue_seconds", late.toSeconds())
                .put("overdue", Durations.chinese(late)));
          });
          JsonBody.reply(ctx, 200, new JsonObject().put("page", page).put("size", size).put("items", items));
        })
        .onFailure(ctx::fail);
  }
}
