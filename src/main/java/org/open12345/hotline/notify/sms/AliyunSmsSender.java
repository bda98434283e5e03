package org.open12345.hotline.notify.sms;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.open12345.hotline.notify.MessageSender;
import org.open12345.hotline.notify.OutboundMessage;
import org.open12345.hotline.notify.ProviderResponses;
import org.open12345.hotline.notify.SendOutcome;
import org.open12345.hotline.notify.TransportFailure;
import org.open12345.hotline.ticket.PhoneNumbers;

/** SMS through Aliyun dysmsapi {@code SendSms} (API version 2017-05-25, RPC style, GET). */
public final class AliyunSmsSender implements MessageSender {

  /** Codes that mean "not now": throttling, balance, provider-side failures. */
  private static final Set<String> RETRY_CODES = Set.of(
      "isv.BUSINESS_LIMIT_CONTROL", "BUSINESS_LIMIT_CONTROL_MINUTE", "isv.BUSINESS_LIMIT_HOUR",
      "isv.BUSINESS_LIMIT_DAY", "BUSINESS_LIMIT_CONTROL_PHONE", "isv.AMOUNT_NOT_ENOUGH",
      "isv.OUT_OF_SERVICE", "isp.SYSTEM_ERROR", "isp.GATEWAY_ERROR", "isp.UNKNOWN",
      "Throttling", "Throttling.User", "Throttling.Api", "ServiceUnavailable", "InternalError",
      "SignatureNonceUsed");

  private final WebClient client;
  private final AliyunSmsSettings settings;

  public AliyunSmsSender(WebClient client, AliyunSmsSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  @Override
  public String channel() {
    return SmsChannel.NAME;
  }

  @Override
  public Future<SendOutcome> send(OutboundMessage message) {
    AliyunSmsSettings.Template template = settings.templates().get(message.kind());
    if (template == null) {
      return Future.succeededFuture(SendOutcome.permanent(
          "no Aliyun template configured for kind " + message.kind()));
    }
    JsonObject templateParam = new JsonObject();
    JsonObject vars = message.vars();
    for (var param : template.params().entrySet()) {
      Object value = vars.getValue(param.getValue());
      if (value == null) {
        return Future.succeededFuture(SendOutcome.permanent(
            "variable " + param.getValue() + " missing for Aliyun template " + template.code()));
      }
      // Aliyun rejects numbers in TemplateParam (isv.INVALID_JSON_PARAM): strings only.
      templateParam.put(param.getKey(), String.valueOf(value));
    }

    SortedMap<String, String> params = new TreeMap<>();
    params.put("AccessKeyId", settings.accessKeyId());
    params.put("Action", "SendSms");
    params.put("Format", "JSON");
    params.put("RegionId", settings.regionId());
    params.put("SignatureMethod", "HMAC-SHA1");
    params.put("SignatureNonce", UUID.randomUUID().toString());
    params.put("SignatureVersion", "1.0");
    params.put("Timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    params.put("Version", "2017-05-25");
    params.put("PhoneNumbers", PhoneNumbers.national(message.recipient()));
    params.put("SignName", settings.signName());
    params.put("TemplateCode", template.code());
    params.put("TemplateParam", templateParam.encode());
    params.put("OutId", message.id());

    String url = settings.baseUrl() + "/?"
        + AliyunSignature.signedQuery("GET", params, settings.accessKeySecret());
    return client.getAbs(url)
        .timeout(settings.timeoutMs())
        .send()
        .map(AliyunSmsSender::classify)
        .recover(TransportFailure::asRetry);
  }

  static SendOutcome classify(HttpResponse<Buffer> response) {
    JsonObject body = ProviderResponses.jsonOrNull(response.body());
    String raw = ProviderResponses.abbreviate(response.body());
    if (body == null || body.getString("Code") == null) {
      return ProviderResponses.isRetryableStatus(response.statusCode())
          ? SendOutcome.retry("Aliyun HTTP " + response.statusCode() + ": " + raw)
          : SendOutcome.permanent("Aliyun HTTP " + response.statusCode() + ": " + raw);
    }
    String code = body.getString("Code");
    if ("OK".equals(code)) {
      return SendOutcome.sent(body.getString("BizId"), raw);
    }
    String reason = "Aliyun " + code + ": " + body.getString("Message", "");
    if (RETRY_CODES.contains(code) || code.startsWith("Throttling")
        || ProviderResponses.isRetryableStatus(response.statusCode())) {
      return SendOutcome.retry(reason);
    }
    return SendOutcome.permanent(reason);
  }
}
