package org.open12345.hotline.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.open12345.hotline.auth.AccessHandler;
import org.open12345.hotline.auth.AccessRules;
import org.open12345.hotline.config.ConfigException;
import org.open12345.hotline.config.HotlineConfig;
import org.open12345.hotline.console.ConsoleFeature;
import org.open12345.hotline.db.GroupCommit;
import org.open12345.hotline.db.Listening;
import org.open12345.hotline.deadline.DeadlineFeature;
import org.open12345.hotline.escalation.EscalationFeature;
import org.open12345.hotline.evaluation.EvaluationFeature;
import org.open12345.hotline.followup.FollowUpFeature;
import org.open12345.hotline.handling.HandlingFeature;
import org.open12345.hotline.identity.IdentityFeature;
import org.open12345.hotline.intake.EmergencyMatch;
import org.open12345.hotline.intake.IntakeFeature;
import org.open12345.hotline.intake.open311.Open311Services;
import org.open12345.hotline.notify.NotifyFeature;
import org.open12345.hotline.notify.Outbox;
import org.open12345.hotline.ops.OpsFeature;
import org.open12345.hotline.returns.ReturnsFeature;
import org.open12345.hotline.routing.RoutingFeature;
import org.open12345.hotline.routing.RuleSetHolder;
import org.open12345.hotline.ticket.TicketFeature;
import org.open12345.hotline.ticket.TicketService;
import org.open12345.hotline.web.ClientAddress;
import org.open12345.hotline.stats.DepartmentHierarchy;
import org.open12345.hotline.stats.StatsFeature;
import org.open12345.hotline.web.Feature;
import org.open12345.hotline.web.IpRanges;

/**
 * The features of the server, built once, in order, and wired together through their services
 * and listener interfaces. Nothing here has rules of its own: it only assembles. Routes are
 * mounted in this order on every HTTP verticle; background work starts in this order and stops in
 * reverse.
 */
public final class Features {
  public final Pool pool;
  public final TicketService tickets;
  public final Outbox outbox;
  public final RuleSetHolder rules;
  public final NotifyFeature notify;
  public final DeadlineFeature deadlines;
  public final EscalationFeature escalation;
  public final ReturnsFeature returns;
  public final HandlingFeature handling;
  public final EvaluationFeature evaluation;
  public final FollowUpFeature followUp;
  public final IntakeFeature intake;
  public final IdentityFeature identity;
  /** Every /api request and /metrics passes it first (mounted before any feature's routes). */
  final AccessHandler access;
  /** The client address behind http.trusted_proxies, for every request (mounted first). */
  final ClientAddress clientAddress;
  private final List<Feature> all = new ArrayList<>();

  private Features(HotlineConfig config, Clock clock, Vertx vertx, Pool pool, Listening listening,
      PrometheusMeterRegistry registry) {
    this.pool = pool;
    OpsFeature ops = add(new OpsFeature(pool, registry));
    TicketFeature ticket = add(new TicketFeature(pool, clock, config.zone(), new GroupCommit(pool,
        new GroupCommit.Settings(config.bool("intake.batch.enabled"), config.integer("intake.batch.max_items"),
            config.duration("intake.batch.max_wait"), config.integer("intake.batch.max_in_flight")), registry)));
    this.tickets = ticket.service();
    RoutingFeature routing = add(new RoutingFeature(config, clock, vertx, pool, tickets));
    this.rules = routing.rules();
    ops.addNotes(routing);
    StatsFeature stats = add(new StatsFeature(pool, clock, config.zone(), () -> rules.current().departments().all().stream()
        .map(d -> new DepartmentHierarchy.Unit(d.id(), d.name(), d.parentId())).toList()));
    this.identity = add(new IdentityFeature(config, clock, vertx, pool, routing.departments()));
    ticket.auditedBy(identity.securityAudit());
    this.access = new AccessHandler(AccessRules.table(), identity.authenticator(), routing.departments(),
        identity.secureCookies());
    this.clientAddress = new ClientAddress(trustedProxies(config));
    this.notify = add(new NotifyFeature(config, clock, vertx, pool, listening, tickets, routing.directory()));
    this.outbox = notify.outbox();
    // What the configuration and the rule files leave undelivered: in /ready's notes too.
    ops.addNotes(notify::warnings).addNotes(routing::warnings);
    this.deadlines = add(new DeadlineFeature(config, clock, vertx, pool, tickets, outbox, notify.templates())
        .withPolicies(routing.directory()));
    ops.addNotes(deadlines);
    this.escalation = add(new EscalationFeature(config, vertx, pool, listening, outbox, notify.templates(), notify.supervisors())
        .withContacts(routing.directory()));
    deadlines.addListener(escalation.escalations()).showSteps(escalation.escalations());
    this.returns = add(new ReturnsFeature(clock, pool, tickets, deadlines.deadlines())
        .withReasons(routing.directory()));
    this.handling = add(new HandlingFeature(config, clock, pool, tickets, outbox, notify.templates(),
        routing.directory(), notify.supervisors()));
    this.evaluation = add(new EvaluationFeature(config, clock, pool, tickets, outbox, notify.templates(),
        deadlines::calculator))
        .withLadder(escalation.escalations())
        .withCallbackDuty(id -> rules.current().departments().callbackByDepartment(id));
    deadlines.showCases(evaluation.cases());
    this.followUp = add(new FollowUpFeature(config, clock, pool, tickets, outbox, notify.templates()));
    this.intake = add(new IntakeFeature(config, clock, vertx, pool,
        new IntakeFeature.Neighbours(tickets, outbox, notify.templates(), evaluation.ratings(), evaluation.prompts(),
            evaluation.optOuts(), deadlines.deadlines()::resolveByOf, followUp.followUps(), notify.supervisors()),
        this::emergencyIn, () -> Open311Services.fromCategories(rules.current().categories())));
    ConsoleFeature console = add(new ConsoleFeature(vertx, clock, config.zone(), new ConsoleFeature.Neighbours(tickets, deadlines.deadlines(),
        rules, routing.directory(), identity.authenticator(), routing.departments(), identity.secureCookies(),
        listening, deadlines.extensions(), deadlines.pauseRequests(), escalation.escalations(),
        stats.service(), routing.dispatchQueue())));
    console.withDesks(new ConsoleFeature.Desks(evaluation.ratings(), evaluation.caseService(), evaluation.appeals(),
        handling.coDepartments(), ticket.reveals()));
    console.withAdmin(new org.open12345.hotline.console.AdminServices(identity.accounts(), identity.tokens(),
        deadlines::calendarYears, deadlines::calendarRefusal));
    console.withCentreDesks(new ConsoleFeature.CentreDesks(pool, intake.desk(), returns.returns(), evaluation.ratings(),
        followUp.followUps()));
    intake.onCallEvents(console.callPops());
  }

  private static IpRanges trustedProxies(HotlineConfig config) {
    try {
      return IpRanges.parse(config.string("http.trusted_proxies"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("configuration key http.trusted_proxies: " + e.getMessage());
    }
  }

  private <F extends Feature> F add(F feature) {
    all.add(feature);
    return feature;
  }

  /** Emergencies by the rule files' list (110/119/120/122 words and combinations, minus their "unless" words). */
  private Optional<EmergencyMatch> emergencyIn(String text) {
    return rules.current().emergencyIn(text)
        .map(h -> new EmergencyMatch(h.number().number(), h.trigger(), h.index()));
  }

  static Features build(HotlineConfig config, Clock clock, Vertx vertx, Pool pool, Listening listening,
      PrometheusMeterRegistry registry) {
    return new Features(config, clock, vertx, pool, listening, registry);
  }

  /**
   * Every feature's routes, in feature order: public pages and webhooks on {@code root}, the
   * JSON API on {@code api} (under /api). Called once per HTTP verticle instance.
   */
  void mount(Vertx vertx, Router root, Router api) {
    all.forEach(f -> f.mount(vertx, root, api));
  }

  Future<Void> startBackground() {
    List<Supplier<Future<?>>> steps = new ArrayList<>();
    all.forEach(f -> steps.add(f::start));
    return inOrder(steps);
  }

  Future<Void> stopBackground() {
    List<Supplier<Future<?>>> steps = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0; i--) {
      steps.add(all.get(i)::stop);
    }
    return inOrder(steps);
  }

  private static Future<Void> inOrder(List<Supplier<Future<?>>> steps) {
    Future<?> chain = Future.succeededFuture();
    for (Supplier<Future<?>> s : steps) {
      chain = chain.compose(v -> s.get());
    }
    return chain.mapEmpty();
  }
}
