package org.open12345.hotline.routing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.open12345.hotline.auth.DepartmentDirectory;
import org.open12345.hotline.config.ConfigException;
import org.open12345.hotline.config.HotlineConfig;
import org.open12345.hotline.ticket.TicketService;
import org.open12345.hotline.web.Feature;

/**
 * Routing (智能派单): loads the rule files (refusing to start on invalid ones), routes every new
 * ticket in its creation transaction, reloads the files when they change, and serves the explain,
 * rules and department views. {@link #directory()} is the rule files as other features need them:
 * deadline policies and department contacts, always from the rule set in force.
 */
public final class RoutingFeature implements Feature {
  private final RuleSetHolder rules;
  private final RoutingDirectory directory;
  private final DepartmentScopes departments;
  private final RuleSetWatcher watcher;
  private final ZoneId zone;
  private final Clock clock;

  public RoutingFeature(HotlineConfig config, Clock clock, Vertx vertx, TicketService tickets) {
    this.zone = config.zone();
    this.clock = clock;
    Path dir = Path.of(config.string("routing.dir"));
    LoadResult loaded = RuleSetLoader.load(dir);
    if (!loaded.isValid()) {
      StringBuilder sb = new StringBuilder("routing rules in " + dir + " are invalid:");
      loaded.errors().forEach(e -> sb.append("\n  ").append(dir.resolve(e.file()).normalize()).append(':')
          .append(e.line()).append(": ").append(e.message()));
      throw new ConfigException(sb.toString());
    }
    this.rules = new RuleSetHolder(loaded.orThrow());
    this.directory = new RoutingDirectory(rules);
    this.departments = new DepartmentScopes(rules);
    tickets.addListener(new RoutingOnCreation(rules, tickets, zone));
    this.watcher = new RuleSetWatcher(vertx, dir, rules, config.duration("routing.reload_interval"));
  }

  @Override
  public String name() {
    return "routing";
  }

  /** The rule set in force (swapped whole on reload). */
  public RuleSetHolder rules() {
    return rules;
  }

  /** Deadline policies and department contacts from the rule files in force. */
  public RoutingDirectory directory() {
    return directory;
  }

  /** The departments accounts may belong to, and the sub-tree each one sees, from the files in force. */
  public DepartmentDirectory departments() {
    return departments;
  }

  @Override
  public void mount(Vertx vertx, Router root, Router api) {
    new RoutingRoutes(rules, zone, clock).mount(api);
  }

  @Override
  public Future<Void> start() {
    return watcher.start();
  }

  @Override
  public Future<Void> stop() {
    return watcher.stop();
  }
}
