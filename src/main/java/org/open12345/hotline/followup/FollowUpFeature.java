package org.open12345.hotline.followup;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.ZoneId;
import org.open12345.hotline.config.HotlineConfig;
import org.open12345.hotline.notify.Outbox;
import org.open12345.hotline.notify.template.MessageTemplates;
import org.open12345.hotline.ticket.TicketService;
import org.open12345.hotline.web.Feature;

/**
 * After the department's reply (答复): citizens of merged tickets get the master's reply, and the
 * centre's follow-up (回访) asks whether the matter is solved, which closes or reopens the ticket
 * and gives the 解决率. {@link #followUps()} is what the SMS webhook asks about answers.
 */
public final class FollowUpFeature implements Feature {
  private final FollowUps followUps;
  private final ZoneId zone;

  public FollowUpFeature(HotlineConfig config, Clock clock, Pool pool, TicketService tickets, Outbox outbox,
      MessageTemplates templates) {
    this.zone = config.zone();
    this.followUps = new FollowUps(pool, tickets, new FollowUpRepository(),
        new FollowUpRules(config.integer("follow_up.max_tries")), outbox, templates,
        config.duration("follow_up.sms_reply_window"), clock);
    tickets.addListener(new MasterReplyToMerged(tickets, outbox, templates));
  }

  @Override
  public String name() {
    return "followup";
  }

  public FollowUps followUps() {
    return followUps;
  }

  @Override
  public void mount(Vertx vertx, Router root, Router api) {
    new FollowUpRoutes(followUps, zone).mount(api);
  }
}
