package org.open12345.hotline.escalation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.time.ZoneId;
import org.open12345.hotline.auth.Actors;
import org.open12345.hotline.escalation.EscalationStepRepository.FiredFilter;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.QueryParams;

/**
 * {@code GET /escalations?department=&level=&from=&to=&page=&size=}: fired ladder steps, newest
 * first; {@code from}/{@code to} are local dates of firing (to inclusive).
 */
public final class EscalationRoutes {
  private final Escalations escalations;
  private final ZoneId zone;

  public EscalationRoutes(Escalations escalations, ZoneId zone) {
    this.escalations = escalations;
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
    Integer level = p.get("level") == null ? null : QueryParams.integer(p.get("level"), "level", 0, 0, 10);
    escalations.fired(new FiredFilter(p.get("department"), level == null ? null : List.of(level), from, to, size, (long) page * size,
            Actors.of(ctx).scope()))
        .onSuccess(steps -> {
          JsonArray items = new JsonArray();
          steps.forEach(s -> items.add(new JsonObject().put("key", s.key()).put("number", s.ticketNumber())
              .put("department_id", s.departmentId()).put("deadline", s.deadlineKind().name())
              .put("step", s.stepKind().name()).put("step_label", s.stepKind().label())
              .put("level", s.level()).put("circulate", s.circulate())
              .put("due_at", s.dueAt().toString())
              .put("deadline_due_at", s.deadlineDueAt().toString()).put("fired_at", s.firedAt().toString())
              .put("late_by_seconds", Duration.between(s.deadlineDueAt(), s.firedAt()).toSeconds())));
          JsonBody.reply(ctx, 200, new JsonObject().put("page", page).put("size", size).put("items", items));
        })
        .onFailure(ctx::fail);
  }
}
