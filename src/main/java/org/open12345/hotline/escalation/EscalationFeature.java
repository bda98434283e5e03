package org.open12345.hotline.escalation;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.ZoneId;
import org.open12345.hotline.config.HotlineConfig;
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
  private volatile DepartmentContacts contacts = DepartmentContacts.placeholder();

  /** @param supervisors the centre's supervisors as the outbox reaches them (the notify feature's) */
  public EscalationFeature(HotlineConfig config, Vertx vertx, Pool pool, Outbox outbox, MessageTemplates templates,
      Supervisors supervisors) {
    this.zone = config.zone();
    EscalationStepRepository steps = new EscalationStepRepository();
    this.escalations = new Escalations(pool, steps, EscalationLadder.shippedDefault(),
        EscalationLadder.caseDefault());
    StepNotices.Settings noticeSettings = new StepNotices.Settings(config.string("http.public_base_url"),
        supervisors, config.zone());
    // Looks the directory up at each notice, so contacts plugged in after construction count.
    StepNotices notices = new StepNotices(templates, id -> contacts.of(id), noticeSettings);
    this.scheduler = new EscalationScheduler(vertx, pool, steps, notices, outbox,
        new EscalationScheduler.Settings(config.bool("escalation.scheduler_enabled"),
            config.duration("escalation.poll_interval"), config.integer("escalation.batch_size")));
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
