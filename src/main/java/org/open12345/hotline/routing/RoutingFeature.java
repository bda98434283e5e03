package org.open12345.hotline.routing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.open12345.hotline.auth.DepartmentDirectory;
import org.open12345.hotline.config.ConfigException;
import org.open12345.hotline.config.HotlineConfig;
import org.open12345.hotline.ops.ReadinessNotes;
import org.open12345.hotline.ticket.TicketService;
import org.open12345.hotline.web.Feature;

/**
 * Routing (智能派单): loads the rule files (refusing to start on invalid ones), routes every new
 * ticket in its creation transaction, reloads the files when they change, and serves the explain,
 * rules and department views. {@link #directory()} is the rule files as other features need them:
 * deadline policies and department contacts, always from the rule set in force. It also keeps the
 * free-text model: loads the newest stored one, retrains it on the centre's history on a schedule
 * and on demand (issue 13).
 */
public final class RoutingFeature implements Feature, ReadinessNotes {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RoutingFeature.class);
  private final RuleSetHolder rules;
  private final TextModelHolder model = new TextModelHolder();
  private final RoutingDirectory directory;
  private final DepartmentScopes departments;
  private final RuleSetWatcher watcher;
  private final DispatchQueue queue;
  private final TextModels models;
  private final Vertx vertx;
  private final Duration modelRefresh;
  private final Duration modelRetrain;
  private final List<Long> timers = new ArrayList<>();
  private final ZoneId zone;
  private final Clock clock;

  public RoutingFeature(HotlineConfig config, Clock clock, Vertx vertx, Pool pool, TicketService tickets) {
    this.vertx = vertx;
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
    rules.current().contactWarnings().forEach(w -> log.warn("{}", w));
    this.directory = new RoutingDirectory(rules);
    this.departments = new DepartmentScopes(rules);
    RoutingRepository repository = new RoutingRepository();
    tickets.addListener(new RoutingOnCreation(rules, model, tickets, repository, zone));
    this.queue = new DispatchQueue(pool, tickets, repository, rules, clock, zone);
    this.watcher = new RuleSetWatcher(vertx, dir, rules, config.duration("routing.reload_interval"));
    this.models = new TextModels(vertx, pool, tickets, model, clock, config.integer("routing.model_max_examples"),
        config.integer("routing.model_training_cpu_percent"), config.integer("routing.model_training_page"));
    this.modelRefresh = config.duration("routing.model_refresh");
    this.modelRetrain = config.duration("routing.model_retrain");
  }

  /** The manual dispatch queue with its suggestions, and their one-action accept. */
  public DispatchQueue dispatchQueue() {
    return queue;
  }

  /** The free-text model in force and its training. */
  public TextModels textModels() {
    return models;
  }

  @Override
  public String name() {
    return "routing";
  }

  /** The rule set in force (swapped whole on reload). */
  public RuleSetHolder rules() {
    return rules;
  }

  /** What the rule files in force leave unreachable (for {@code /ready}). */
  public List<String> warnings() {
    return rules.current().contactWarnings();
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
    new RoutingRoutes(rules, model, zone, clock).mount(api);
    new TextModelRoutes(models).mount(api);
    new DispatchQueueRoutes(queue).mount(api);
  }

  /**
   * The background verticle loads the newest stored model, then looks for a newer one (trained by
   * any instance) every {@code routing.model_refresh} and retrains every {@code routing.model_retrain}.
   */
  @Override
  public Future<Void> start() {
    return watcher.start().compose(v -> models.refresh().recover(e -> {
      model.failed("text model could not be read: " + e);
      return Future.succeededFuture();
    })).map(v -> {
      timers.add(vertx.setPeriodic(modelRefresh.toMillis(), id -> models.refresh()));
      if (!modelRetrain.isZero()) {
        timers.add(vertx.setPeriodic(modelRetrain.toMillis(), id -> models.train()));
      }
      return null;
    });
  }

  @Override
  public Future<Void> stop() {
    timers.forEach(vertx::cancelTimer);
    return watcher.stop();
  }

  @Override
  public List<String> notes() {
    String problem = model.problem();
    return problem == null ? List.of() : List.of(problem + "; the previous free-text model ("
        + (model.current().version() == null ? "none: the vocabulary reads alone" : model.current().version())
        + ") stays in force");
  }
}
