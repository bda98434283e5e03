package org.open12345.hotline.intake;

import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.open12345.hotline.config.HotlineConfig;
import org.open12345.hotline.evaluation.RatingPrompts;
import org.open12345.hotline.evaluation.Ratings;
import org.open12345.hotline.intake.open311.Open311Routes;
import org.open12345.hotline.intake.open311.Open311Service;
import org.open12345.hotline.intake.sms.InboundSmsHandler;
import org.open12345.hotline.intake.sms.SmsWebhookRoutes;
import org.open12345.hotline.intake.voice.CallEventFormats;
import org.open12345.hotline.intake.voice.CallHandler;
import org.open12345.hotline.intake.voice.CallerRoutes;
import org.open12345.hotline.intake.voice.VoiceWebhookRoutes;
import org.open12345.hotline.intake.web.ComplaintRoutes;
import org.open12345.hotline.intake.web.ComplaintSettings;
import org.open12345.hotline.notify.Outbox;
import org.open12345.hotline.notify.template.MessageTemplates;
import org.open12345.hotline.ticket.TicketService;

/** The front door, wired: SMS and voice webhooks, web complaints, Open311, the operator's views. */
public final class IntakeFeature {
  public final RatingPrompts ratingPrompts;
  private final HotlineConfig config;
  private final Clock clock;
  private final Pool pool;
  private final IntakeTickets intakeTickets;
  private final Ratings ratings;
  private final EmergencyTransfers emergencies;
  private final TicketService tickets;
  private final Supplier<List<Open311Service>> services;

  /**
   * @param emergencyDetector finds an emergency in a text (the server passes the routing rules'
   *     110/119/120/122 words, so a rule reload changes it)
   * @param services Open311 services (the server passes the rule files' leaf categories)
   * @param robotChannel {@code wecom} or {@code dingtalk}: where emergency alerts go
   */
  public IntakeFeature(HotlineConfig config, Clock clock, Pool pool, TicketService tickets, Outbox outbox,
      MessageTemplates templates, Function<String, Optional<EmergencyMatch>> emergencyDetector,
      Supplier<List<Open311Service>> services, String robotChannel) {
    this.config = config;
    this.clock = clock;
    this.pool = pool;
    this.tickets = tickets;
    this.services = services;
    this.intakeTickets = new IntakeTickets(tickets, outbox, templates);
    this.ratings = new Ratings(clock);
    this.emergencies = new EmergencyTransfers(emergencyDetector, outbox, templates, robotChannel, clock,
        config.zone());
    this.ratingPrompts = new RatingPrompts(outbox, templates, config.duration("intake.rating.reply_window"), clock);
  }

  public void mount(Router root, Router api) {
    new SmsWebhookRoutes(pool, new InboundSmsHandler(pool, intakeTickets, ratings, emergencies, clock),
        WebhookGuards.from(config, "sms", List.of("aliyun", "tencent")),
        new SmsWebhookRoutes.Signing(config.string("intake.sms.twilio.auth_token"),
            config.string("intake.sms.generic.secret"), config.string("http.public_base_url")), clock)
        .mount(root);
    new VoiceWebhookRoutes(pool,
        new CallEventFormats(new HashSet<>(WebhookGuards.list(config.string("intake.voice.own_numbers")))),
        new CallHandler(pool, intakeTickets, ratings, emergencies, clock),
        WebhookGuards.from(config, "voice", List.of("generic", "aliyun", "huawei")), clock)
        .mount(root);
    new InboundRoutes(pool).mount(api);
    new CallerRoutes(pool, clock).mount(api);
    ComplaintRoutes complaints = new ComplaintRoutes(pool, intakeTickets, tickets.repository(),
        ComplaintSettings.from(config), clock);
    complaints.mountApi(api);
    complaints.mountPages(root);
    new Open311Routes(pool, intakeTickets, tickets.repository(), services,
        WebhookGuards.list(config.string("intake.open311.api_keys")), clock, config.zone()).mount(root);
  }
}
