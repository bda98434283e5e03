package org.open12345.hotline.handling;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import org.open12345.hotline.config.HotlineConfig;
import org.open12345.hotline.escalation.DepartmentContacts;
import org.open12345.hotline.notify.Outbox;
import org.open12345.hotline.notify.Supervisors;
import org.open12345.hotline.notify.template.MessageTemplates;
import org.open12345.hotline.ticket.TicketService;
import org.open12345.hotline.web.Feature;

/**
 * The departments' side of a ticket (承办 and 协办): a department is told through the outbox
 * whenever a ticket comes into its hands, as its entry in {@code departments.yaml} allows (mail,
 * its group robots, its duty mobiles; urgent tickets by every means); co-departments get a part
 * of the ticket, add notes and their part of the answer, and the lead's reply closes their parts.
 */
public final class HandlingFeature implements Feature {
  private final CoDepartments coDepartments;

  /**
   * @param contacts the department directory (routing's rule files)
   * @param supervisors who hears of a notice that reaches no department
   */
  public HandlingFeature(HotlineConfig config, Clock clock, Pool pool, TicketService tickets, Outbox outbox,
      MessageTemplates templates, DepartmentContacts contacts, Supervisors supervisors) {
    this.coDepartments = new CoDepartments(pool, tickets, new CoPartRepository(), clock);
    DispatchNotices notices = new DispatchNotices(templates, contacts, supervisors,
        config.string("http.public_base_url"));
    tickets.addListener(new HandlingListener(notices, coDepartments, outbox));
  }

  @Override
  public String name() {
    return "handling";
  }

  public CoDepartments coDepartments() {
    return coDepartments;
  }

  @Override
  public void mount(Vertx vertx, Router root, Router api) {
    new CoDepartmentRoutes(coDepartments).mount(api);
  }
}
