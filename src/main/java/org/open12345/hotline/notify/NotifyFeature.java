package org.open12345.hotline.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.open12345.hotline.config.ConfigException;
import org.open12345.hotline.config.HotlineConfig;
import org.open12345.hotline.db.Listening;
import org.open12345.hotline.ticket.TicketService;
import org.open12345.hotline.notify.template.MessageTemplates;
import org.open12345.hotline.web.Feature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages out: the outbox every feature writes to in its own transaction, the relay that
 * delivers it through the senders of the {@code messaging} section, and the operator's
 * {@code /api/outbox} view. A bad {@code messaging} section fails here, at startup.
 */
public final class NotifyFeature implements Feature {
  private static final Logger log = LoggerFactory.getLogger(NotifyFeature.class);
  private final HotlineConfig config;
  private final Clock clock;
  private final Vertx vertx;
  private final Pool pool;
  private final Listening listening;
  private final DeliveryPolicies policies;
  private final MessageTemplates templates;
  private final MessageSenders senders;
  private final SendRates rates;
  private final OutboxRepository repository = new OutboxRepository();
  private final Outbox outbox;
  private final TicketService tickets;
  private final Supervisors supervisors;
  private final List<String> warnings = new ArrayList<>();
  /** Set by start() on the background context, read by stop(): volatile for the hand-over. */
  private volatile OutboxRelay relay;

  /**
   * @param connect where the relay LISTENs for new messages (a connection of its own)
   * @param tickets what a department caller's outbox view asks about a message's ticket
   * @param departmentRobots the departments' own robots (the rule files'), for the
   *     {@code department-robot} channel; null = no such channel
   */
  public NotifyFeature(HotlineConfig config, Clock clock, Vertx vertx, Pool pool, Listening listening,
      TicketService tickets, DepartmentRobots departmentRobots) {
    this.tickets = tickets;
    this.config = config;
    this.clock = clock;
    this.vertx = vertx;
    this.pool = pool;
    this.listening = listening;
    JsonObject messaging = config.section("messaging");
    try {
      this.policies = DeliveryPolicies.from(messaging);
      this.templates = DeliveryPolicies.templates(messaging);
      this.rates = SendRates.from(new ConfigSection("messaging", messaging));
      this.senders = MessageSenders.fromConfig(vertx, messaging, departmentRobots);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("configuration: " + e.getMessage());
    }
    this.outbox = new Outbox(pool, repository, policies.citizenSms(), clock);
    // The supervisors' addresses keep their escalation.* keys: they were configured there first.
    List<String> mail = Arrays.stream(config.string("escalation.supervisors_mail").split(","))
        .map(String::trim).filter(m -> !m.isEmpty()).toList();
    this.supervisors = Supervisors.usable(config.string("escalation.robot_channel").trim(),
        config.string("escalation.robot_name"), mail, senders, warnings);
    warnings.forEach(w -> log.warn("{}", w));
  }

  /** The centre's supervisors, as far as the config lets the outbox reach them. */
  public Supervisors supervisors() {
    return supervisors;
  }

  /** What the configuration leaves undeliverable, found at start (also in {@code /ready}). */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public String name() {
    return "notify";
  }

  /** Where other features put their messages, in their own transactions. */
  public Outbox outbox() {
    return outbox;
  }

  public MessageTemplates templates() {
    return templates;
  }

  /** The channels the config file set up ({@code sms} always; {@code wecom}, {@code dingtalk}...). */
  public Set<String> channels() {
    return senders.channels();
  }

  @Override
  public void mount(Vertx vertx, Router root, Router api) {
    // "/outbox*", not "/outbox/*": the list itself is GET /api/outbox.
    api.route("/outbox*").subRouter(new OutboxRoutes(outbox, new OutboxView(outbox, tickets)).router(vertx));
  }

  /**
   * Starts the relay unless {@code outbox.relay_enabled} is false. It is built here, not in the
   * constructor, so all its state lives on the context that starts it.
   */
  @Override
  public Future<Void> start() {
    if (!config.bool("outbox.relay_enabled")) {
      return Future.succeededFuture();
    }
    relay = new OutboxRelay(vertx, pool, listening, repository, senders,
        new OutboxRelay.Settings(config.integer("outbox.batch_size"), config.duration("outbox.claim_lease"),
            config.duration("outbox.poll_interval"), policies.retry(), rates), clock);
    return relay.start();
  }

  /** Lets the relay record the outcome of what it is sending, then closes the senders' clients. */
  @Override
  public Future<Void> stop() {
    Future<Void> relayStopped = relay == null ? Future.succeededFuture() : relay.stop();
    return relayStopped.compose(v -> senders.close());
  }
}
