package org.open12345.hotline.intake.voice;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.open12345.hotline.intake.InboundService;
import org.open12345.hotline.intake.PayloadException;
import org.open12345.hotline.intake.WebhookAnswers;
import org.open12345.hotline.intake.WebhookGuards;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.open12345.hotline.web.ClientAddress;

/** {@code POST /webhooks/voice/{provider}}: call events into the call log, acknowledged after commit. */
public final class VoiceWebhookRoutes {
  private static final Logger log = LoggerFactory.getLogger(VoiceWebhookRoutes.class);
  private final InboundService inbound;
  private final CallEventFormats formats;
  private final CallHandler handler;
  private final WebhookGuards guards;
  private final Clock clock;

  public VoiceWebhookRoutes(InboundService inbound, CallEventFormats formats, CallHandler handler,
      WebhookGuards guards, Clock clock) {
    this.inbound = inbound;
    this.formats = formats;
    this.handler = handler;
    this.guards = guards;
    this.clock = clock;
  }

  /** The routes under {@code /webhooks/voice}. */
  public Router router(Vertx vertx) {
    Router r = Router.router(vertx);
    r.post("/:provider").handler(this::receive);
    return r;
  }

  private void receive(RoutingContext ctx) {
    String provider = ctx.pathParam("provider");
    var format = formats.byProvider(provider);
    if (format.isEmpty()) {
      WebhookAnswers.unknownProvider(ctx, provider);
      return;
    }
    var decision = guards.check(provider, ctx);
    String ip = ClientAddress.of(ctx);
    if (!decision.allowed()) {
      log.warn("voice webhook {} refused from {}: {}", provider, ip, decision.reason());
      WebhookAnswers.refused(ctx);
      return;
    }
    Instant arrived = clock.instant();
    String body = ctx.body().buffer() == null ? "" : ctx.body().buffer().toString(StandardCharsets.UTF_8);
    List<CallEvent> events;
    try {
      events = format.get().parse(body, arrived);
    } catch (PayloadException e) {
      inbound.reject("voice", provider, e, body, ip, arrived)
          .onComplete(ar -> WebhookAnswers.malformed(ctx, e));
      return;
    }
    Future<?> chain = Future.succeededFuture();
    for (CallEvent e : events) {
      chain = chain.compose(v -> handler.handle(e));
    }
    chain.onSuccess(v -> WebhookAnswers.ack(ctx, format.get().acknowledgement())).onFailure(ctx::fail);
  }
}
