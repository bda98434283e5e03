package org.open12345.hotline.stats;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.YearMonth;
import java.util.Set;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Actors;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.problem.InvalidField;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.JsonBody;

/**
 * {@code GET /api/stats/departments} and {@code GET /api/stats/publication}: parse, check who may
 * read, call {@link StatsService}, answer JSON or CSV ({@code format=csv}).
 *
 * <p>Access: dispatchers and supervisors (the centre) read every department's figures;
 * department staff read only their department's sub-tree (the service's scope) and not the
 * publication; operators read neither.
 */
public final class StatsRoutes {
  private final StatsService service;

  public StatsRoutes(StatsService service) {
    this.service = service;
  }

  /** Mounts on the feature's sub-router (at /api/stats). */
  public void mount(Router stats) {
    stats.get("/departments").handler(this::departments);
    stats.get("/publication").handler(this::publication);
  }

  private void departments(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    Set<String> scope = switch (actor.role()) {
      case DISPATCHER, SUPERVISOR -> null;
      case DEPARTMENT -> service.scopeOf(actor.department());
      default -> throw forbidden(actor);
    };
    boolean csv = csv(ctx);
    StatsQuery q = StatsQuery.parse(ctx.queryParams()::get);
    service.departments(q, scope)
        .onSuccess(r -> {
          if (csv) {
            sendCsv(ctx, "figures-" + q.from() + "_" + q.to() + ".csv", StatsCsv.report(r));
          } else {
            JsonBody.reply(ctx, 200, StatsJson.report(r));
          }
        })
        .onFailure(ctx::fail);
  }

  private void publication(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    if (actor.role() != Role.DISPATCHER && actor.role() != Role.SUPERVISOR) {
      throw forbidden(actor);
    }
    boolean csv = csv(ctx);
    String monthText = ctx.queryParams().get("month");
    if (monthText == null || monthText.isBlank()) {
      throw new InvalidField("month", "is required (yyyy-MM)");
    }
    YearMonth month = StatsQuery.month(monthText.strip());
    boolean rollup = StatsQuery.bool(ctx.queryParams()::get, "rollup");
    service.publication(month, rollup, null)
        .onSuccess(p -> {
          if (csv) {
            sendCsv(ctx, "publication-" + month + ".csv", StatsCsv.publication(p));
          } else {
            JsonBody.reply(ctx, 200, StatsJson.publication(p));
          }
        })
        .onFailure(ctx::fail);
  }

  private static boolean csv(RoutingContext ctx) {
    String format = ctx.queryParams().get("format");
    if (format == null || format.equals("json")) {
      return false;
    }
    if (format.equals("csv")) {
      return true;
    }
    throw new InvalidField("format", "must be json or csv, not '" + format + "'");
  }

  private static ApiException forbidden(Actor actor) {
    return new ApiException(403, "forbidden_action", "role " + actor.role() + " may not read these figures", null);
  }

  private static void sendCsv(RoutingContext ctx, String fileName, byte[] body) {
    ctx.response()
        .setStatusCode(200)
        .putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .end(Buffer.buffer(body));
  }
}
