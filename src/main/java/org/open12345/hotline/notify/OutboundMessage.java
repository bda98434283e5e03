package org.open12345.hotline.notify;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One message as the outbox stores it, already rendered; a sender only delivers it.
 *
 * <p>{@code recipient} depends on the channel: an e-mail address (or several, comma separated)
 * for {@code mail}, a phone number for {@code sms}, and the name of a configured robot or
 * endpoint for {@code wecom}, {@code dingtalk} and {@code webhook}, so that secrets stay in the
 * config file and out of the outbox table.
 *
 * <p>{@code metadata} carries what a channel needs beyond the text. Keys read by the senders:
 * {@code vars} (object: the template variables, used by SMS providers whose templates live at
 * the provider: Aliyun, Tencent), {@code mentionMobiles} (array, WeCom/DingTalk @-mentions),
 * {@code data} (object, the webhook payload's {@code data}; defaults to subject + text).
 *
 * @param htmlBody may be null; only mail uses it
 * @param subject may be null for channels without one (SMS)
 */
public record OutboundMessage(
    String id,
    String kind,
    String channel,
    String recipient,
    String subject,
    String textBody,
    String htmlBody,
    String dedupeKey,
    JsonObject metadata) {

  public OutboundMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(textBody, "textBody");
    Objects.requireNonNull(dedupeKey, "dedupeKey");
    // A defensive copy: the relay may reuse the row's JsonObject and a sender must not see it change.
    metadata = metadata == null ? new JsonObject() : metadata.copy();
  }

  /** The template variables the message was rendered from (empty if none were stored). */
  public JsonObject vars() {
    JsonObject vars = metadata.getJsonObject("vars");
    return vars == null ? new JsonObject() : vars;
  }
}
