package org.open12345.hotline.returns;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import org.open12345.hotline.deadline.Deadlines;
import org.open12345.hotline.ticket.TicketService;
import org.open12345.hotline.web.Feature;

/**
 * Returns (退单) and the centre's rulings on them: a ticket listener that checks each return's
 * reason and note and keeps the queue in step with the ticket, the queue and ruling routes. The
 * ruling deadline itself is the deadline feature's (a RULING deadline on the ticket's ladder).
 * Build it after the deadline feature, so its listener runs after the deadlines were set;
 * {@link #withReasons} is where routing's rule files plug in.
 */
public final class ReturnsFeature implements Feature {
  private final Returns returns;
  private volatile ReturnReasonCatalog reasons = () -> ReturnReasons.DEFAULT;

  public ReturnsFeature(Clock clock, Pool pool, TicketService tickets, Deadlines deadlines) {
    ReturnRepository repository = new ReturnRepository();
    this.returns = new Returns(pool, repository, tickets, clock);
    tickets.addListener(new ReturnsListener(repository, deadlines, () -> reasons));
  }

  @Override
  public String name() {
    return "returns";
  }

  /** The rule files' reasons replace the built-in list (call before start). */
  public ReturnsFeature withReasons(ReturnReasonCatalog catalog) {
    this.reasons = catalog;
    return this;
  }

  public Returns returns() {
    return returns;
  }

  @Override
  public void mount(Vertx vertx, Router root, Router api) {
    new ReturnRoutes(returns, () -> reasons.returnReasons()).mount(api);
  }
}
