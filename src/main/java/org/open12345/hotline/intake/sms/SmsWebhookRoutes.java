package org.open12345.hotline.intake.sms;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.intake.FormBody;
import org.open12345.hotline.intake.InboundService;
import org.open12345.hotline.intake.PayloadException;
import org.open12345.hotline.intake.WebhookAnswers;
import org.open12345.hotline.intake.WebhookGuards;
import org.open12345.hotline.notify.webhook.StandardWebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.open12345.hotline.web.ClientAddress;

/**
 * {@code POST /webhooks/sms/{provider}}: check the caller, read the payload, handle each message
 * in its own transaction, and acknowledge in the provider's format only once all are committed.
 * A failure before that answers 5xx, so the provider retries and the claims make the retry safe.
 */
public final class SmsWebhookRoutes {
  private static final Logger log = LoggerFactory.getLogger(SmsWebhookRoutes.class);

  /** Secrets and base URL the signed providers need. */
  public record Signing(String twilioAuthToken, String genericSecret, String publicBaseUrl) {}

  private final InboundService inbound;
  private final InboundSmsHandler handler;
  private final WebhookGuards guards;
  private final Signing signing;
  private final Clock clock;

  public SmsWebhookRoutes(InboundService inbound, InboundSmsHandler handler, WebhookGuards guards, Signing signing,
      Clock clock) {
    this.inbound = inbound;
    this.handler = handler;
    this.guards = guards;
    this.signing = signing;
    this.clock = clock;
  }

  /** The routes under {@code /webhooks/sms}. */
  public Router router(Vertx vertx) {
    Router r = Router.router(vertx);
    r.post("/:provider").handler(this::receive);
    return r;
  }

  private void receive(RoutingContext ctx) {
    String provider = ctx.pathParam("provider");
    var format = SmsWebhookFormats.byProvider(provider);
    if (format.isEmpty()) {
      WebhookAnswers.unknownProvider(ctx, provider);
      return;
    }
    Instant arrived = clock.instant();
    byte[] bytes = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    String body = new String(bytes, StandardCharsets.UTF_8);
    List<InboundSms> messages;
    try {
      String refused = authenticate(provider, ctx, body, bytes, arrived);
      if (refused != null) {
        log.warn("SMS webhook {} refused from {}: {}", provider, remoteIp(ctx), refused);
        WebhookAnswers.refused(ctx);
        return;
      }
      messages = format.get().parse(body, arrived);
    } catch (PayloadException e) {
      inbound.reject("sms", provider, e, body, remoteIp(ctx), arrived)
          .onComplete(ar -> WebhookAnswers.malformed(ctx, e));
      return;
    }
    Future<?> chain = Future.succeededFuture();
    for (InboundSms m : messages) {
      chain = chain.compose(v -> handler.handle(m));
    }
    chain.onSuccess(v -> WebhookAnswers.ack(ctx, format.get().acknowledgement())).onFailure(ctx::fail);
  }

  /** Null when the caller may post; else the reason, for the log. */
  private String authenticate(String provider, RoutingContext ctx, String body, byte[] bytes, Instant now)
      throws PayloadException {
    switch (provider) {
      case TwilioSmsFormat.PROVIDER -> {
        if (signing.twilioAuthToken().isBlank()) {
          return "intake.sms.twilio.auth_token is not configured";
        }
        Map<String, List<String>> params = FormBody.parse(body);
        String url = signing.publicBaseUrl().replaceAll("/+$", "") + ctx.request().uri();
        return TwilioSignature.isValid(signing.twilioAuthToken(), url, params,
            ctx.request().getHeader("X-Twilio-Signature")) ? null : "X-Twilio-Signature does not match " + url;
      }
      case GenericSmsFormat.PROVIDER -> {
        if (signing.genericSecret().isBlank()) {
          return "intake.sms.generic.secret is not configured";
        }
        var r = StandardWebhookSignature.verify(signing.genericSecret(), ctx.request().getHeader("webhook-id"),
            ctx.request().getHeader("webhook-timestamp"), bytes, ctx.request().getHeader("webhook-signature"), now);
        return r.valid() ? null : r.reason();
      }
      default -> {
        var d = guards.check(provider, ctx);
        return d.allowed() ? null : d.reason();
      }
    }
  }

  static String remoteIp(RoutingContext ctx) {
    return ClientAddress.of(ctx);
  }
}
