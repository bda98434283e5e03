package org.open12345.hotline.stats;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.ZoneId;
import org.open12345.hotline.web.Feature;

/**
 * Figures (三率 and the rest) per department, category and period, and the monthly publication,
 * under {@code /api/stats}. A read model: it writes nothing, and reads the tables of tickets,
 * deadlines and ratings through {@link StatsRepository} only. The department tree comes from
 * whoever assembles the server ({@link DepartmentHierarchy}).
 */
public final class StatsFeature implements Feature {
  private final StatsService service;

  public StatsFeature(Pool pool, Clock clock, ZoneId zone, DepartmentHierarchy departments) {
    this.service = new StatsService(pool, new StatsRepository(), departments, clock, zone);
  }

  public StatsService service() {
    return service;
  }

  @Override
  public String name() {
    return "stats";
  }

  @Override
  public void mount(Vertx vertx, Router root, Router api) {
    Router stats = Router.router(vertx);
    new StatsRoutes(service).mount(stats);
    api.route("/stats/*").subRouter(stats);
  }
}
