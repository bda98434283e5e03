package org.open12345.hotline.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.open12345.hotline.config.ConfigException;
import org.open12345.hotline.config.HotlineConfig;
import org.open12345.hotline.evaluation.RatingPromptOnClose;
import org.open12345.hotline.intake.EmergencyMatch;
import org.open12345.hotline.intake.IntakeFeature;
import org.open12345.hotline.intake.open311.Open311Services;
import org.open12345.hotline.notify.DeliveryPolicies;
import org.open12345.hotline.notify.MessageSenders;
import org.open12345.hotline.notify.Outbox;
import org.open12345.hotline.notify.OutboxRelay;
import org.open12345.hotline.notify.OutboxRepository;
import org.open12345.hotline.notify.OutboxRoutes;
import org.open12345.hotline.notify.template.MessageTemplates;
import org.open12345.hotline.routing.LoadResult;
import org.open12345.hotline.routing.RoutingDirectory;
import org.open12345.hotline.routing.RoutingOnCreation;
import org.open12345.hotline.routing.RoutingRoutes;
import org.open12345.hotline.routing.RuleSetHolder;
import org.open12345.hotline.routing.RuleSetLoader;
import org.open12345.hotline.routing.RuleSetWatcher;
import org.open12345.hotline.ticket.TicketFeature;
import org.open12345.hotline.ticket.TicketService;
import org.open12345.hotline.deadline.DeadlineFeature;
import org.open12345.hotline.ops.OpsFeature;
import org.open12345.hotline.stats.DepartmentHierarchy;
import org.open12345.hotline.stats.StatsFeature;
import org.open12345.hotline.web.Feature;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The features of the server, built once and wired together: each one's services, its routes,
 * and its background work (relay, schedulers, watchers).
 */
public final class Features {
  public final HotlineConfig config;
  public final Clock clock;
  public final Pool pool;
  public final TicketService tickets;
  public final Outbox outbox;
  public final MessageTemplates templates;
  public final MessageSenders senders;
  public final RuleSetHolder rules;
  public final IntakeFeature intake;
  private final OutboxRepository outboxRepository;
  public final DeadlineFeature deadlines;
  private final List<Supplier<Future<?>>> starts = new ArrayList<>();
  private final List<Supplier<Future<?>>> stops = new ArrayList<>();

  private final List<Feature> features = new ArrayList<>();

  private Features(HotlineConfig config, Clock clock, Vertx vertx, Pool pool, PgConnectOptions connect,
      PrometheusMeterRegistry registry) {
    this.config = config;
    this.clock = clock;
    this.pool = pool;
    features.add(new OpsFeature(pool, registry));
    TicketFeature ticketFeature = new TicketFeature(pool, clock, config.zone());
    features.add(ticketFeature);
    this.tickets = ticketFeature.service();

    Path rulesDir = Path.of(config.string("routing.dir"));
    LoadResult loaded = RuleSetLoader.load(rulesDir);
    if (!loaded.isValid()) {
      StringBuilder sb = new StringBuilder("routing rules in " + rulesDir + " are invalid:");
      loaded.errors().forEach(e -> sb.append("\n  ").append(rulesDir.resolve(e.file()).normalize()).append(':')
          .append(e.line()).append(": ").append(e.message()));
      throw new ConfigException(sb.toString());
    }
    this.rules = new RuleSetHolder(loaded.orThrow());
    tickets.addListener(new RoutingOnCreation(rules, tickets, config.zone()));
    features.add(new StatsFeature(pool, clock, config.zone(), () -> rules.current().departments().all().stream()
        .map(d -> new DepartmentHierarchy.Unit(d.id(), d.name(), d.parentId())).toList()));
    RuleSetWatcher watcher = new RuleSetWatcher(vertx, rulesDir, rules, config.duration("routing.reload_interval"));
    starts.add(watcher::start);
    stops.add(watcher::stop);

    JsonObject messaging = config.section("messaging");
    DeliveryPolicies policies;
    try {
      policies = DeliveryPolicies.from(messaging);
      this.templates = DeliveryPolicies.templates(messaging);
      this.senders = MessageSenders.fromConfig(vertx, messaging);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("configuration: " + e.getMessage());
    }
    this.outboxRepository = new OutboxRepository();
    this.outbox = new Outbox(outboxRepository, policies.citizenSms(), clock);
    if (config.bool("outbox.relay_enabled")) {
      OutboxRelay relay = new OutboxRelay(vertx, pool, connect, outboxRepository, senders,
          new OutboxRelay.Settings(config.integer("outbox.batch_size"), config.duration("outbox.claim_lease"),
              config.duration("outbox.poll_interval"), policies.retry()), clock);
      starts.add(relay::start);
      stops.add(relay::stop);
    }
    this.deadlines = DeadlineFeature.build(config, clock, vertx, pool, tickets, outbox, templates)
        .withPolicies(new RoutingDirectory(rules))
        .withContacts(new RoutingDirectory(rules));
    starts.add(deadlines.scheduler()::start);
    stops.add(deadlines.scheduler()::stop);
    stops.add(senders::close);
    this.intake = new IntakeFeature(config, clock, pool, tickets, outbox, templates, this::emergencyIn,
        () -> Open311Services.fromCategories(rules.current().categories()),
        senders.channels().contains("wecom") ? "wecom" : "dingtalk");
    tickets.addListener(new RatingPromptOnClose(intake.ratingPrompts));
  }

  /** Emergencies by the rule files' list (110/119/120/122 words, minus their "unless" words). */
  private Optional<EmergencyMatch> emergencyIn(String text) {
    return rules.current().emergencyFor(text).map(e -> {
      String word = e.words().stream().filter(text::contains).findFirst().orElse(e.name());
      return new EmergencyMatch(e.number(), word, Math.max(0, text.indexOf(word)));
    });
  }

  static Features build(HotlineConfig config, Clock clock, Vertx vertx, Pool pool, PgConnectOptions connect,
      PrometheusMeterRegistry registry) {
    return new Features(config, clock, vertx, pool, connect, registry);
  }

  /**
   * Every feature's routes, in feature order: public pages and webhooks on {@code root}, the
   * JSON API on {@code api} (under /api). Called once per HTTP verticle instance.
   */
  void mount(Vertx vertx, Router root, Router api) {
    features.forEach(f -> f.mount(vertx, root, api));
    new OutboxRoutes(pool, outboxRepository).mount(api);
    new RoutingRoutes(rules, config.zone(), clock).mount(api);
    deadlines.mount(api);
    intake.mount(root, api);
  }

  Future<Void> startBackground() {
    List<Supplier<Future<?>>> steps = new ArrayList<>();
    features.forEach(f -> steps.add(f::start));
    steps.addAll(starts);
    return all(steps);
  }

  Future<Void> stopBackground() {
    List<Supplier<Future<?>>> steps = new ArrayList<>(stops);
    for (int i = features.size() - 1; i >= 0; i--) {
      Feature f = features.get(i);
      steps.add(f::stop);
    }
    return all(steps);
  }

  private static Future<Void> all(List<Supplier<Future<?>>> steps) {
    Future<?> chain = Future.succeededFuture();
    for (Supplier<Future<?>> s : steps) {
      chain = chain.compose(v -> s.get());
    }
    return chain.mapEmpty();
  }
}
