package org.open12345.hotline.deadline;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.open12345.hotline.config.ConfigException;
import org.open12345.hotline.config.HotlineConfig;
import org.open12345.hotline.notify.Outbox;
import org.open12345.hotline.notify.template.MessageTemplates;
import org.open12345.hotline.ops.ReadinessNotes;
import org.open12345.hotline.ticket.TicketService;
import org.open12345.hotline.web.Feature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deadlines (接诉即办 时限): keeps every dispatched ticket's sign/respond/resolve deadlines in step
 * with the ticket (a ticket listener), and serves the deadline view, the overdue list, extensions
 * and clock pauses. Other features plug in through {@link #withPolicies} (where the policies come
 * from: routing's rule files), {@link #addListener} (who reacts when deadlines change: the
 * escalation ladder) and {@link #showSteps} (the ladder steps the view lists).
 *
 * <p>The holiday calendar ({@code routing.dir}/calendar) is loaded at startup (a malformed file
 * stops the start) and reloaded when it changes; a year without a file counts provisionally, which
 * the startup log and {@code /ready} ({@link ReadinessNotes}) say.
 */
public final class DeadlineFeature implements Feature, ReadinessNotes {
  private static final Logger log = LoggerFactory.getLogger(DeadlineFeature.class);

  private final TicketDeadlineRules rules;
  private final DeadlineUpdates updates;
  private final Deadlines deadlines;
  private final Extensions extensions;
  private final PauseRequests pauses;
  private final CalendarRecount recount;
  private final CalendarWatcher watcher;
  private final Clock clock;
  private final ZoneId zone;
  private volatile PolicyCatalog policies = new BuiltInPolicies();

  public DeadlineFeature(HotlineConfig config, Clock clock, Vertx vertx, Pool pool, TicketService tickets,
      Outbox outbox, MessageTemplates templates) {
    this.clock = clock;
    this.zone = config.zone();
    Path folder = Path.of(config.string("routing.dir"), "calendar");
    WorkingCalendar calendar = WorkingCalendar.load(folder).withProvisionalYears();
    calendar.startupWarnings(clock.instant().atZone(zone).toLocalDate()).forEach(log::warn);
    DeadlineCalculator calculator;
    try {
      calculator = new DeadlineCalculator(calendar, clock, config.zone(),
          DeadlineCalculator.parseEndOfDay(config.string("deadline.end_of_day")));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("deadline.end_of_day: " + e.getMessage());
    }
    this.rules = new TicketDeadlineRules(calculator);
    this.updates = new DeadlineUpdates(new DeadlineRepository());
    ExtensionRepository extensionRepository = new ExtensionRepository();
    PauseRequestRepository pauseRepository = new PauseRequestRepository();
    this.deadlines = new Deadlines(pool, tickets.repository(), updates, extensionRepository, pauseRepository, rules,
        clock);
    this.pauses = new PauseRequests(pool, tickets.repository(), pauseRepository, deadlines, clock);
    this.extensions = new Extensions(pool, tickets.repository(), extensionRepository, updates, rules, calculator,
        outbox, templates, clock);
    tickets.addListener(new DeadlineListener(updates, rules, () -> policies));
    this.recount = new CalendarRecount(pool, tickets.repository(), updates, rules, clock);
    this.watcher = new CalendarWatcher(vertx, folder, config.duration("routing.reload_interval"), rules, recount);
  }

  @Override
  public String name() {
    return "deadline";
  }

  /** Routing's policies replace the built-in defaults (call before start). */
  public DeadlineFeature withPolicies(PolicyCatalog catalog) {
    this.policies = catalog;
    return this;
  }

  /** Told in the changing transaction whenever a ticket's deadlines change (call before start). */
  public DeadlineFeature addListener(DeadlinesChanged listener) {
    updates.addListener(listener);
    return this;
  }

  /** Where the deadline view gets the deadlines other features keep about a ticket (差评 cases). */
  public DeadlineFeature showCases(CaseDeadlineView cases) {
    deadlines.showCases(cases);
    return this;
  }

  /** Where the deadline view gets a ticket's ladder steps from. */
  public DeadlineFeature showSteps(LadderView ladder) {
    deadlines.showSteps(ladder);
    return this;
  }

  /**
   * The calendar arithmetic (spans, working days) the other features' clocks share: the
   * calculator in force, which a calendar reload swaps (ask at each computation, do not keep it).
   */
  public DeadlineCalculator calculator() {
    return rules.calculator();
  }

  public TicketDeadlineRules rules() {
    return rules;
  }

  public Deadlines deadlines() {
    return deadlines;
  }

  public Extensions extensions() {
    return extensions;
  }

  public PauseRequests pauseRequests() {
    return pauses;
  }

  /**
   * Recounts now what a newly official holiday year changed (the watcher does so after each look).
   *
   * @return how many tickets were recounted
   */
  /** How many times the calendar watcher has run the recount, and looked at the folder; for tests. */
  int[] calendarRecountRunsAndLooks() {
    return new int[] {watcher.recountRuns(), watcher.looksDone()};
  }

  public Future<Integer> recountOfficialYears() {
    return recount.run();
  }

  /** Each holiday year and how it is counted (official file, provisional), for the administrator. */
  public List<CalendarYears.Year> calendarYears() {
    return CalendarYears.of(rules.calculator().calendar(), clock.instant().atZone(zone).toLocalDate());
  }

  /** Why the last change of the calendar folder was refused ({@code file:line: ...}); empty when none. */
  public List<String> calendarRefusal() {
    return watcher.refusal();
  }

  /** The current and next year when provisional, and a refused calendar change. */
  @Override
  public List<String> notes() {
    List<String> out = new ArrayList<>(
        rules.calculator().calendar().startupWarnings(clock.instant().atZone(zone).toLocalDate()));
    out.addAll(watcher.refusal());
    return out;
  }

  @Override
  public Future<Void> start() {
    return watcher.start();
  }

  @Override
  public Future<Void> stop() {
    return watcher.stop();
  }

  /** Routes go straight on {@code api}: most live under {@code /tickets/{number}/}, which the ticket feature shares. */
  @Override
  public void mount(Vertx vertx, Router root, Router api) {
    new ExtensionRoutes(extensions).mount(api);
    new ClockRoutes(deadlines).mount(api);
    new PauseRequestRoutes(pauses).mount(api);
    new DeadlineViewRoutes(deadlines).mount(api);
  }
}
