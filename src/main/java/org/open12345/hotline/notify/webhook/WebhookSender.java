package org.open12345.hotline.notify.webhook;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Instant;
import org.open12345.hotline.notify.MessageSender;
import org.open12345.hotline.notify.OutboundMessage;
import org.open12345.hotline.notify.ProviderResponses;
import org.open12345.hotline.notify.SendOutcome;
import org.open12345.hotline.notify.TransportFailure;

/**
 * The {@code webhook} channel: a JSON POST signed Standard Webhooks style. The payload is
 * {@code {"type": kind, "timestamp": ISO-8601, "data": ...}}; {@code data} is
 * {@code metadata.data} when the message has one, else its subject and text. {@code webhook-id}
 * is the outbox message id, the same on every retry so receivers can drop duplicates.
 */
public final class WebhookSender implements MessageSender {

  public static final String CHANNEL = "webhook";

  private final WebClient client;
  private final WebhookSettings settings;
  private final Clock clock;

  public WebhookSender(WebClient client, WebhookSettings settings) {
    this(client, settings, Clock.systemUTC());
  }

  public WebhookSender(WebClient client, WebhookSettings settings, Clock clock) {
    this.client = client;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public boolean addresses(String recipient) {
    return settings.endpoints().containsKey(recipient);
  }

  @Override
  public Future<SendOutcome> send(OutboundMessage message) {
    WebhookSettings.Endpoint endpoint = settings.endpoints().get(message.recipient());
    if (endpoint == null) {
      return Future.succeededFuture(SendOutcome.permanent(
          "no webhook endpoint named " + message.recipient() + " in messaging.webhook.endpoints"));
    }
    Instant now = clock.instant();
    JsonObject data = message.metadata().getJsonObject("data");
    if (data == null) {
      data = new JsonObject().put("subject", message.subject()).put("text", message.textBody());
    }
    String body = new JsonObject()
        .put("type", message.kind())
        .put("timestamp", now.toString())
        .put("data", data)
        .encode();
    long timestamp = now.getEpochSecond();
    return client.postAbs(endpoint.url())
        .timeout(settings.timeoutMs())
        .putHeader("Content-Type", "application/json")
        .putHeader("webhook-id", message.id())
        .putHeader("webhook-timestamp", Long.toString(timestamp))
        .putHeader("webhook-signature",
            StandardWebhookSignature.sign(endpoint.key(), message.id(), timestamp, body))
        .sendBuffer(Buffer.buffer(body))
        .map(WebhookSender::classify)
        .recover(TransportFailure::asRetry);
  }

  static SendOutcome classify(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    String reason = "HTTP " + status + ": " + ProviderResponses.abbreviate(response.body());
    if (status >= 200 && status < 300) {
      return SendOutcome.sent(null, reason);
    }
    if (status >= 400 && status < 500 && status != 408 && status != 429) {
      return SendOutcome.permanent(reason);
    }
    return SendOutcome.retry(reason);
  }
}
