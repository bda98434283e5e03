package org.open12345.hotline.ticket;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import org.open12345.hotline.db.GroupCommit;
import java.time.Clock;
import java.time.ZoneId;
import org.open12345.hotline.auth.SecurityAudit;
import org.open12345.hotline.web.Feature;

/**
 * Tickets: the table, the event log, the state machine and {@code /api/tickets}. Other features
 * create and change tickets through {@link #service()} and react through
 * {@link TicketChangeListener}s added to it.
 */
public final class TicketFeature implements Feature {
  private final TicketService service;
  private final ContactReveals reveals;
  private final ZoneId zone;

  public TicketFeature(Pool pool, Clock clock, ZoneId zone) {
    this(pool, clock, zone, GroupCommit.single(pool));
  }

  /** @param creations the transactions that create tickets (group commit, or each alone) */
  public TicketFeature(Pool pool, Clock clock, ZoneId zone, GroupCommit creations) {
    this.zone = zone;
    TicketRepository repository = new TicketRepository(zone);
    this.service = new TicketService(pool, repository, clock, creations);
    this.reveals = new ContactReveals(pool, repository, clock);
  }

  /** Where reveals of confidential contacts are logged (the identity feature's security log). */
  public TicketFeature auditedBy(SecurityAudit audit) {
    reveals.auditedBy(audit);
    return this;
  }

  public TicketService service() {
    return service;
  }

  @Override
  public String name() {
    return "ticket";
  }

  @Override
  public void mount(Vertx vertx, Router root, Router api) {
    Router tickets = Router.router(vertx);
    new TicketRoutes(service, reveals, zone).mount(tickets);
    // Routes of other features under /api/tickets/{number}/... (deadlines, extensions) live in
    // their own sub-routers: an unmatched request falls through to them.
    api.route("/tickets*").subRouter(tickets);
  }
}
