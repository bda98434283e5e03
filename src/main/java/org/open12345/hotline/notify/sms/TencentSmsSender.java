package org.open12345.hotline.notify.sms;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import org.open12345.hotline.notify.MessageSender;
import org.open12345.hotline.notify.OutboundMessage;
import org.open12345.hotline.notify.ProviderResponses;
import org.open12345.hotline.notify.SendOutcome;
import org.open12345.hotline.notify.TransportFailure;
import org.open12345.hotline.ticket.PhoneNumbers;

/** SMS through Tencent Cloud SMS {@code SendSms} (API 3.0, version 2021-01-11). */
public final class TencentSmsSender implements MessageSender {

  static final String ACTION = "SendSms";
  static final String VERSION = "2021-01-11";
  static final String SERVICE = "sms";

  private final WebClient client;
  private final TencentSmsSettings settings;

  public TencentSmsSender(WebClient client, TencentSmsSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  @Override
  public String channel() {
    return SmsChannel.NAME;
  }

  @Override
  public Future<SendOutcome> send(OutboundMessage message) {
    TencentSmsSettings.Template template = settings.templates().get(message.kind());
    if (template == null) {
      return Future.succeededFuture(SendOutcome.permanent(
          "no Tencent template configured for kind " + message.kind()));
    }
    JsonArray params = new JsonArray();
    JsonObject vars = message.vars();
    for (String name : template.params()) {
      Object value = vars.getValue(name);
      if (value == null) {
        return Future.succeededFuture(SendOutcome.permanent(
            "variable " + name + " missing for Tencent template " + template.id()));
      }
      params.add(String.valueOf(value));
    }
    String payload = new JsonObject()
        .put("PhoneNumberSet", new JsonArray().add(PhoneNumbers.e164(message.recipient(), settings.defaultCountryCode())))
        .put("SmsSdkAppId", settings.sdkAppId())
        .put("SignName", settings.signName())
        .put("TemplateId", template.id())
        .put("TemplateParamSet", params)
        // Echoed back in the answer and in delivery receipts: ties them to the outbox row.
        .put("SessionContext", message.id())
        .encode();
    long timestamp = Instant.now().getEpochSecond();
    String authorization = Tc3Signature.authorization(
        settings.secretId(), settings.secretKey(), SERVICE, settings.host(), ACTION, timestamp, payload);
    return client.postAbs(settings.baseUrl() + "/")
        .timeout(settings.timeoutMs())
        .putHeader("Content-Type", Tc3Signature.CONTENT_TYPE)
        .putHeader("Host", settings.host())
        .putHeader("X-TC-Action", ACTION)
        .putHeader("X-TC-Version", VERSION)
        .putHeader("X-TC-Timestamp", Long.toString(timestamp))
        .putHeader("X-TC-Region", settings.region())
        .putHeader("Authorization", authorization)
        .sendBuffer(Buffer.buffer(payload))
        .map(TencentSmsSender::classify)
        .recover(TransportFailure::asRetry);
  }

  static SendOutcome classify(HttpResponse<Buffer> response) {
    String raw = ProviderResponses.abbreviate(response.body());
    JsonObject body = ProviderResponses.jsonOrNull(response.body());
    JsonObject answer = body == null ? null : body.getJsonObject("Response");
    if (answer == null) {
      return ProviderResponses.isRetryableStatus(response.statusCode())
          ? SendOutcome.retry("Tencent HTTP " + response.statusCode() + ": " + raw)
          : SendOutcome.permanent("Tencent HTTP " + response.statusCode() + ": " + raw);
    }
    JsonObject error = answer.getJsonObject("Error");
    if (error != null) {
      return byCode(error.getString("Code", ""), error.getString("Message", ""));
    }
    JsonArray statuses = answer.getJsonArray("SendStatusSet");
    if (statuses == null || statuses.isEmpty()) {
      return SendOutcome.permanent("Tencent answer without SendStatusSet: " + raw);
    }
    JsonObject status = statuses.getJsonObject(0);
    String code = status.getString("Code", "");
    if ("Ok".equals(code)) {
      return SendOutcome.sent(status.getString("SerialNo"), raw);
    }
    return byCode(code, status.getString("Message", ""));
  }

  private static SendOutcome byCode(String code, String message) {
    String reason = "Tencent " + code + ": " + message;
    if (code.startsWith("LimitExceeded") || code.startsWith("RequestLimitExceeded")
        || code.startsWith("InternalError")
        || code.equals("FailedOperation.InsufficientBalanceInSmsPackage")) {
      return SendOutcome.retry(reason);
    }
    return SendOutcome.permanent(reason);
  }
}
