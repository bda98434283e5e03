package org.open12345.hotline.intake;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.open12345.hotline.config.HotlineConfig;
import org.open12345.hotline.db.ExpiredRows;
import org.open12345.hotline.evaluation.RatingOptOuts;
import org.open12345.hotline.evaluation.RatingPromptService;
import org.open12345.hotline.evaluation.RatingService;
import org.open12345.hotline.followup.FollowUps;
import org.open12345.hotline.intake.idempotency.KeyedSubmissions;
import org.open12345.hotline.intake.idempotency.SubmissionKeyRepository;
import org.open12345.hotline.intake.open311.ExpectedTimes;
import org.open12345.hotline.intake.open311.Open311RequestService;
import org.open12345.hotline.intake.open311.Open311Routes;
import org.open12345.hotline.intake.open311.Open311Service;
import org.open12345.hotline.intake.sms.InboundMessageRepository;
import org.open12345.hotline.intake.sms.InboundSmsHandler;
import org.open12345.hotline.intake.sms.SmsWebhookRoutes;
import org.open12345.hotline.intake.sms.UnparsedReplies;
import org.open12345.hotline.intake.voice.CallEventFormats;
import org.open12345.hotline.intake.voice.CallEventListener;
import org.open12345.hotline.intake.voice.CallHandler;
import org.open12345.hotline.intake.voice.CallRepository;
import org.open12345.hotline.intake.voice.CallbackTaskRepository;
import org.open12345.hotline.intake.voice.CallbackTaskRoutes;
import org.open12345.hotline.intake.voice.CallbackTaskService;
import org.open12345.hotline.intake.voice.CallerRoutes;
import org.open12345.hotline.intake.voice.CallerService;
import org.open12345.hotline.intake.voice.VoiceWebhookRoutes;
import org.open12345.hotline.intake.web.ComplaintLimits;
import org.open12345.hotline.intake.web.ComplaintRoutes;
import org.open12345.hotline.intake.web.ComplaintService;
import org.open12345.hotline.intake.web.ComplaintSettings;
import org.open12345.hotline.intake.web.WebComplaintRepository;
import org.open12345.hotline.notify.Outbox;
import org.open12345.hotline.notify.Supervisors;
import org.open12345.hotline.notify.template.MessageTemplates;
import org.open12345.hotline.ticket.TicketService;
import org.open12345.hotline.web.Feature;

/**
 * The front door: SMS and voice webhooks, web complaints, Open311, and the operator's views of
 * callers, callback tasks and the inbound log.
 *
 * <p>One feature for the four channel sub-packages, not one each: they share the parts built
 * here (ticket-plus-acknowledgement, emergency transfers, the reject log, the webhook guards of
 * the {@code intake.*} config section), and one feature keeps {@code app/} assembling one thing.
 * Each channel still mounts its own sub-router.
 *
 * <p>Everything is built in the constructor and shared by every HTTP verticle's {@link #mount}:
 * the services hold no per-request state, and the complaint rate limits ({@link ComplaintLimits})
 * are one synchronized set per process, so N event loops do not multiply them.
 */
public final class IntakeFeature implements Feature {
  private final InboundRoutes inbound;
  private final SmsWebhookRoutes sms;
  private final VoiceWebhookRoutes voice;
  private final CallerRoutes callers;
  private final CallbackTaskRoutes callbackTasks;
  private final ComplaintRoutes complaints;
  private final Open311Routes open311;
  private final EmergencyTransferRoutes emergencyTransfers;
  private final Desk desk;
  private final CallHandler callHandler;
  private final InboundSmsHandler smsHandler;
  private final ExpiredRows expiredKeys;
  private final ExpiredRows expiredRejects;

  /** What the staff console reads and acts through on the operators' and dispatchers' desks. */
  public record Desk(CallerService callers, CallbackTaskService callbackTasks, InboundService inbound,
      UnparsedReplies unparsed, EmergencyTransfers emergencies) {}

  /** What intake needs from the features around it. */
  public record Neighbours(TicketService tickets, Outbox outbox, MessageTemplates templates,
      RatingService ratings, RatingPromptService prompts, RatingOptOuts optOuts, ExpectedTimes expectedTimes,
      FollowUps followUps, Supervisors supervisors) {}

  /**
   * @param emergencyDetector finds an emergency in a text (the server passes the routing rules'
   *     110/119/120/122 words, so a rule reload changes it)
   * @param services Open311 services (the server passes the rule files' leaf categories)
   */
  public IntakeFeature(HotlineConfig config, Clock clock, Vertx vertx, Pool pool, Neighbours n,
      Function<String, Optional<EmergencyMatch>> emergencyDetector, Supplier<List<Open311Service>> services) {
    TicketService tickets = n.tickets();
    Acknowledgements acknowledgements = new Acknowledgements(new QueryCodeRepository(), n.outbox(), n.templates(),
        clock);
    IntakeTickets intakeTickets = new IntakeTickets(tickets, acknowledgements);
    tickets.addListener(new StaffTicketAcknowledgement(acknowledgements));
    EmergencyTransfers emergencies = new EmergencyTransfers(emergencyDetector, new EmergencyTransferRepository(),
        pool, n.outbox(), n.templates(), n.supervisors(), clock, config.zone());
    this.emergencyTransfers = new EmergencyTransferRoutes(emergencies, config.zone());
    InboundMessageRepository messages = new InboundMessageRepository();
    InboundRejectRepository rejects = new InboundRejectRepository();
    InboundService inboundLog = new InboundService(pool, messages, rejects, tickets);
    this.expiredRejects = new ExpiredRows("inbound rejects", vertx, pool, rejects::deleteArrivedBefore, clock,
        new ExpiredRows.Retention(config.duration("intake.rejects.keep"), config.duration("intake.rejects.prune_every")));
    UnparsedReplies unparsed = new UnparsedReplies(pool, messages, n.ratings(), intakeTickets, tickets, clock);
    this.inbound = new InboundRoutes(inboundLog, unparsed);

    this.smsHandler = new InboundSmsHandler(messages, intakeTickets, n.ratings(), n.prompts(), emergencies,
        n.optOuts(), n.followUps(), clock);
    this.sms = new SmsWebhookRoutes(inboundLog, smsHandler,
        WebhookGuards.from(config, "sms", List.of("aliyun", "tencent")),
        new SmsWebhookRoutes.Signing(config.string("intake.sms.twilio.auth_token"),
            config.string("intake.sms.generic.secret"), config.string("http.public_base_url")), clock);

    CallRepository calls = new CallRepository();
    CallbackTaskRepository tasks = new CallbackTaskRepository();
    this.voice = new VoiceWebhookRoutes(inboundLog,
        new CallEventFormats(new HashSet<>(WebhookGuards.list(config.string("intake.voice.own_numbers")))),
        this.callHandler = new CallHandler(calls, tasks, intakeTickets, tickets, n.ratings(), emergencies, clock),
        WebhookGuards.from(config, "voice", List.of("generic", "aliyun", "huawei")), clock);
    CallerService callerService = new CallerService(pool, calls, tasks, tickets);
    CallbackTaskService taskService = new CallbackTaskService(pool, tasks, clock);
    this.callers = new CallerRoutes(callerService);
    this.callbackTasks = new CallbackTaskRoutes(taskService);
    this.desk = new Desk(callerService, taskService, inboundLog, unparsed, emergencies);

    // one for the portal and Open311: their keys are hashed in different scopes
    SubmissionKeyRepository submissionKeys = new SubmissionKeyRepository();
    KeyedSubmissions keyed = new KeyedSubmissions(pool, submissionKeys, clock);
    this.expiredKeys = new ExpiredRows("idempotency keys", vertx, pool, submissionKeys::deleteClaimedBefore, clock,
        new ExpiredRows.Retention(config.duration("intake.keys.keep"), config.duration("intake.keys.prune_every")));
    ComplaintSettings complaintSettings = ComplaintSettings.from(config);
    this.complaints = new ComplaintRoutes(new ComplaintService(pool, intakeTickets, tickets,
        new WebComplaintRepository(), new QueryCodeRepository(), keyed,
        new ComplaintLimits(complaintSettings, clock),
        n.ratings(), emergencies, clock),
        complaintSettings, config.zone());

    this.open311 = new Open311Routes(new Open311RequestService(intakeTickets, tickets, n.expectedTimes(), keyed, clock),
        services, WebhookGuards.list(config.string("intake.open311.api_keys")), config.zone());
  }

  @Override
  public String name() {
    return "intake";
  }

  /**
   * Deletes idempotency keys past {@code intake.keys.keep} and rejected payloads past
   * {@code intake.rejects.keep}, each every {@code prune_every}.
   */
  @Override
  public Future<Void> start() {
    return expiredKeys.start().compose(v -> expiredRejects.start());
  }

  @Override
  public Future<Void> stop() {
    return expiredRejects.stop().compose(v -> expiredKeys.stop());
  }

  /** The idempotency keys' pruner (tests prune at a moment of their choosing). */
  public ExpiredRows expiredKeys() {
    return expiredKeys;
  }

  /** The rejected payloads' pruner. */
  public ExpiredRows expiredRejects() {
    return expiredRejects;
  }

  public Desk desk() {
    return desk;
  }

  /** What one citizen SMS becomes: the handler behind the SMS webhooks (tests start several at once). */
  public InboundSmsHandler smsHandler() {
    return smsHandler;
  }

  /** Tells {@code listener} of every new call event (the console's screen pop). */
  public IntakeFeature onCallEvents(CallEventListener listener) {
    callHandler.addListener(listener);
    return this;
  }

  /**
   * Webhooks, the complaint form and Open311 on {@code root}; the operator's views and the
   * complaint API under {@code api}. Mount points end in {@code *} without a slash where the
   * collection itself is a route ({@code GET /api/inbound}).
   */
  @Override
  public void mount(Vertx vertx, Router root, Router api) {
    root.route("/webhooks/sms/*").subRouter(sms.router(vertx));
    root.route("/webhooks/voice/*").subRouter(voice.router(vertx));
    root.route("/complaint*").subRouter(complaints.pageRouter(vertx));
    root.route("/open311/v2/*").subRouter(open311.router(vertx));
    api.route("/inbound*").subRouter(inbound.router(vertx));
    api.route("/callers/*").subRouter(callers.router(vertx));
    api.route("/callback-tasks*").subRouter(callbackTasks.router(vertx));
    api.route("/complaints*").subRouter(complaints.apiRouter(vertx));
    api.route("/emergency-transfers*").subRouter(emergencyTransfers.router(vertx));
  }
}
