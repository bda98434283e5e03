package org.open12345.hotline.escalation;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.ZoneId;
import org.open12345.hotline.config.HotlineConfig;
import org.open12345.hotline.db.Listening;
import org.open12345.hotline.notify.Outbox;
import org.open12345.hotline.notify.Supervisors;
import org.open12345.hotline.notify.template.MessageTemplates;
import org.open12345.hotline.web.Feature;

/**
 * The 催办 → 督办 → 通报 ladder: {@link #escalations()} plans each ticket's steps when its
 * deadlines change (register it with the deadline feature as its listener and ladder view), the
 * scheduler fires due steps once, {@code GET /escalations} lists them. {@link #withContacts} is
 * where routing's department directory plugs in.
 */
public final class EscalationFeature implements Feature {
  private final Escalations escalations;
  private final EscalationScheduler scheduler;
  private final ZoneId zone;
  private final Vertx vertx;
  private final Pool pool;
  private final Listening listening;
  private final EscalationStepRepository steps;
  private final StepNotices notices;
  private final Outbox outbox;
  private final EscalationScheduler.Settings settings;
  private volatile DepartmentContacts contacts = DepartmentContacts.placeholder();

  /**
   * @param connect where the scheduler LISTENs for steps planned due soon (a connection of its own)
   * @param supervisors the centre's supervisors as the outbox reaches them (the notify feature's)
   */
  public EscalationFeature(HotlineConfig config, Vertx vertx, Pool pool, Listening listening, Outbox outbox,
      MessageTemplates templates, Supervisors supervisors) {
    this.zone = config.zone();
    this.vertx = vertx;
    this.pool = pool;
    this.listening = listening;
    this.outbox = outbox;
    this.settings = new EscalationScheduler.Settings(config.bool("escalation.scheduler_enabled"),
        config.duration("escalation.poll_interval"), config.integer("escalation.batch_size"));
    this.steps = new EscalationStepRepository(settings.pollInterval());
    this.escalations = new Escalations(pool, steps, EscalationLadder.shippedDefault(),
        EscalationLadder.caseDefault());
    StepNotices.Settings noticeSettings = new StepNotices.Settings(config.string("http.public_base_url"),
        supervisors, config.zone());
    // Looks the directory up at each notice, so contacts plugged in after construction count.
    this.notices = new StepNotices(templates, id -> contacts.of(id), noticeSettings);
    this.scheduler = new EscalationScheduler(vertx, pool, listening, steps, notices, outbox, settings);
  }

  @Override
  public String name() {
    return "escalation";
  }

  /** Routing's department directory replaces the placeholder addresses. */
  public EscalationFeature withContacts(DepartmentContacts directory) {
    this.contacts = directory;
    return this;
  }

  /** The service to register with the deadline feature (listener and ladder view). */
  public Escalations escalations() {
    return escalations;
  }

  public EscalationScheduler scheduler() {
    return scheduler;
  }

  /**
   * Another scheduler on the same steps, notices and signals, deciding what is due as of
   * {@code clock} and timed by {@code timers}, enabled whatever the configuration says: simulated
   * time for tests of when steps fire. The caller starts and stops it.
   */
  public EscalationScheduler scheduler(java.time.Clock clock, EscalationScheduler.Timers timers) {
    return new EscalationScheduler(vertx, pool, listening, steps, notices, outbox,
        new EscalationScheduler.Settings(true, settings.pollInterval(), settings.batchSize()), clock, timers);
  }

  @Override
  public void mount(Vertx vertx, Router root, Router api) {
    new EscalationRoutes(escalations, zone).mount(api);
  }

  @Override
  public Future<Void> start() {
    return scheduler.start();
  }

  @Override
  public Future<Void> stop() {
    return scheduler.stop();
  }
}
