package org.open12345.hotline.notify.sms;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.authentication.UsernamePasswordCredentials;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.open12345.hotline.notify.MessageSender;
import org.open12345.hotline.notify.OutboundMessage;
import org.open12345.hotline.notify.ProviderResponses;
import org.open12345.hotline.notify.SendOutcome;
import org.open12345.hotline.notify.TransportFailure;
import org.open12345.hotline.ticket.PhoneNumbers;

/** SMS through Twilio's Messages API: form POST, HTTP basic auth with the account SID and token. */
public final class TwilioSmsSender implements MessageSender {

  /** Twilio error codes that mean "later" whatever the HTTP status (20429: too many requests). */
  private static final Set<Integer> RETRY_CODES = Set.of(20429);

  private final WebClient client;
  private final TwilioSettings settings;

  public TwilioSmsSender(WebClient client, TwilioSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  @Override
  public String channel() {
    return SmsChannel.NAME;
  }

  @Override
  public Future<SendOutcome> send(OutboundMessage message) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap()
        .set("To", PhoneNumbers.e164(message.recipient(), settings.defaultCountryCode()))
        .set("Body", message.textBody());
    if (settings.messagingServiceSid() != null) {
      form.set("MessagingServiceSid", settings.messagingServiceSid());
    } else {
      form.set("From", settings.from());
    }
    String url = settings.baseUrl() + "/2010-04-01/Accounts/"
        + URLEncoder.encode(settings.accountSid(), StandardCharsets.UTF_8) + "/Messages.json";
    return client.postAbs(url)
        .timeout(settings.timeoutMs())
        .authentication(new UsernamePasswordCredentials(settings.accountSid(), settings.authToken()))
        .sendForm(form, "UTF-8")
        .map(TwilioSmsSender::classify)
        .recover(TransportFailure::asRetry);
  }

  static SendOutcome classify(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    String raw = ProviderResponses.abbreviate(response.body());
    JsonObject body = ProviderResponses.jsonOrNull(response.body());
    if (status >= 200 && status < 300 && body != null && body.getString("sid") != null) {
      return SendOutcome.sent(body.getString("sid"), raw);
    }
    Integer code = body == null ? null : body.getInteger("code");
    String reason = "Twilio HTTP " + status
        + (code == null ? "" : " code " + code)
        + ": " + (body != null && body.getString("message") != null ? body.getString("message") : raw);
    if (ProviderResponses.isRetryableStatus(status) || code != null && RETRY_CODES.contains(code)) {
      return SendOutcome.retry(reason);
    }
    return SendOutcome.permanent(reason);
  }
}
