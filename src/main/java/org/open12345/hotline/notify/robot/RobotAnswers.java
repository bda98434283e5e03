package org.open12345.hotline.notify.robot;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Set;
import org.open12345.hotline.notify.ProviderResponses;
import org.open12345.hotline.notify.SendOutcome;

/** Both robots answer HTTP 200 with {@code errcode}/{@code errmsg}; 0 means delivered. */
final class RobotAnswers {

  private RobotAnswers() {}

  static SendOutcome classify(String provider, HttpResponse<Buffer> response, Set<Integer> retryCodes) {
    String raw = ProviderResponses.abbreviate(response.body());
    JsonObject body = ProviderResponses.jsonOrNull(response.body());
    Integer errcode = body == null ? null : body.getInteger("errcode");
    if (errcode == null) {
      return ProviderResponses.isRetryableStatus(response.statusCode())
          ? SendOutcome.retry(provider + " HTTP " + response.statusCode() + ": " + raw)
          : SendOutcome.permanent(provider + " HTTP " + response.statusCode() + ": " + raw);
    }
    if (errcode == 0) {
      return SendOutcome.sent(null, raw);
    }
    String reason = provider + " errcode " + errcode + ": " + body.getString("errmsg", "");
    return retryCodes.contains(errcode) || ProviderResponses.isRetryableStatus(response.statusCode())
        ? SendOutcome.retry(reason)
        : SendOutcome.permanent(reason);
  }
}
