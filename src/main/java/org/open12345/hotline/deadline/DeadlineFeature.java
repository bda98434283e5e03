package org.open12345.hotline.deadline;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.open12345.hotline.config.ConfigException;
import org.open12345.hotline.config.HotlineConfig;
import org.open12345.hotline.escalation.EscalationLadder;
import org.open12345.hotline.escalation.EscalationRoutes;
import org.open12345.hotline.escalation.EscalationScheduler;
import org.open12345.hotline.escalation.StepNotices;
import org.open12345.hotline.escalation.StepStore;
import org.open12345.hotline.notify.Outbox;
import org.open12345.hotline.notify.template.MessageTemplates;
import org.open12345.hotline.ticket.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deadlines and escalation wired together: the ticket listener, the HTTP routes and the
 * scheduler. {@link #withPolicies} and {@link #withContacts} are where routing's policy file and
 * department directory plug in.
 */
public final class DeadlineFeature {
  private static final Logger log = LoggerFactory.getLogger(DeadlineFeature.class);

  private final Pool pool;
  private final TicketService tickets;
  private final Clock clock;
  private final DeadlineCalculator calculator;
  private final TicketDeadlineRules rules;
  private final DeadlineUpdates updates;
  private final Outbox outbox;
  private final MessageTemplates templates;
  private final HotlineConfig config;
  private final StepNotices.Settings noticeSettings;
  private final Vertx vertx;
  private final StepStore steps = new StepStore();
  private volatile PolicyCatalog policies = new BuiltInPolicies();
  private volatile DepartmentContacts contacts = DepartmentContacts.placeholder();
  private EscalationScheduler scheduler;

  private DeadlineFeature(HotlineConfig config, Clock clock, Vertx vertx, Pool pool, TicketService tickets,
      Outbox outbox, MessageTemplates templates) {
    this.config = config;
    this.clock = clock;
    this.vertx = vertx;
    this.pool = pool;
    this.tickets = tickets;
    this.outbox = outbox;
    this.templates = templates;
    WorkingCalendar calendar = WorkingCalendar.load(Path.of(config.string("routing.dir"), "calendar"));
    calendar.startupWarnings(clock.instant().atZone(config.zone()).toLocalDate()).forEach(log::warn);
    try {
      this.calculator = new DeadlineCalculator(calendar, clock, config.zone(),
          DeadlineCalculator.parseEndOfDay(config.string("deadline.end_of_day")));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("deadline.end_of_day: " + e.getMessage());
    }
    this.rules = new TicketDeadlineRules(calculator);
    this.updates = new DeadlineUpdates(new DeadlineStore(), steps, EscalationLadder.shippedDefault());
    List<String> supervisors = Arrays.stream(config.string("escalation.supervisors_mail").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
    this.noticeSettings = new StepNotices.Settings(config.string("http.public_base_url"),
        config.string("escalation.robot_channel").trim(), config.string("escalation.robot_name"), supervisors,
        config.zone());
    tickets.addListener(new DeadlineListener(updates, rules, () -> policies));
    rebuildScheduler();
  }

  public static DeadlineFeature build(HotlineConfig config, Clock clock, Vertx vertx, Pool pool,
      TicketService tickets, Outbox outbox, MessageTemplates templates) {
    return new DeadlineFeature(config, clock, vertx, pool, tickets, outbox, templates);
  }

  private void rebuildScheduler() {
    StepNotices notices = new StepNotices(templates, id -> contacts.of(id), noticeSettings);
    this.scheduler = new EscalationScheduler(vertx, pool, steps, notices, outbox,
        new EscalationScheduler.Settings(config.bool("escalation.scheduler_enabled"),
            config.duration("escalation.poll_interval"), config.integer("escalation.batch_size")));
  }

  /** Routing's policies replace the built-in defaults (call before start). */
  public DeadlineFeature withPolicies(PolicyCatalog catalog) {
    this.policies = catalog;
    return this;
  }

  /** Routing's department directory replaces the placeholder addresses. */
  public DeadlineFeature withContacts(DepartmentContacts directory) {
    this.contacts = directory;
    return this;
  }

  public EscalationScheduler scheduler() {
    return scheduler;
  }

  public TicketDeadlineRules rules() {
    return rules;
  }

  public void mount(Router api) {
    new ExtensionRoutes(pool, tickets.repository(), updates, rules, calculator, outbox, templates, clock).mount(api);
    new ClockRoutes(pool, tickets.repository(), updates, rules, clock).mount(api);
    new DeadlineViewRoutes(pool, tickets.repository(), updates.store(), rules, clock).mount(api);
    new EscalationRoutes(pool, config.zone()).mount(api);
  }
}
