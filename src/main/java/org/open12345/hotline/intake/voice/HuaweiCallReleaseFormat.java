package org.open12345.hotline.intake.voice;

import org.open12345.hotline.ticket.PhoneNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.open12345.hotline.intake.Acknowledgement;
import org.open12345.hotline.intake.PayloadFields;
import org.open12345.hotline.intake.PayloadException;
import org.open12345.hotline.intake.ProviderTimes;

/**
 * Huawei Cloud customer engagement centre (云客服 CEC) "release event callback" (释放事件回调接口,
 * support.huaweicloud.com/api-ccfs-cec/cec_07_1319.html) of a bidirectional call (双呼): the
 * platform rings the operator's phone ({@code caller}), then the citizen ({@code called}). Fields:
 * {@code callSerialNo, serviceNo (operator), called, caller, callerPresent, createCallTime,
 * alertingTime, talkingTime, releaseTime, talkDuration, recordfile, releaseReason,
 * agentTalkingTime, ...}; times like {@code 2022/02/22,10:04:29:004} (Beijing). These calls are
 * the centre calling out (callbacks, 回访), so direction is OUT.
 *
 * <p>releaseReason: 0 called party hung up, 1 calling party hung up (both answered →
 * normalClearing), 2/3 calling/called leg failed → congestion, 4/5 calling/called leg not
 * answered → noAnswer; other codes are kept as {@code huawei:<code>}. The answer is
 * {@code {"retCode":"0","retMsg":"success"}}. The platform does not sign this callback: protect it
 * with {@link org.open12345.hotline.intake.WebhookGuard}.
 */
public final class HuaweiCallReleaseFormat implements CallEventFormat {
  public static final String PROVIDER = "huawei";
  private static final Acknowledgement ACK =
      Acknowledgement.json("{\"retCode\":\"0\",\"retMsg\":\"success\"}");

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public List<CallEvent> parse(String body, Instant arrivedAt) throws PayloadException {
    JsonNode r = PayloadFields.object(PayloadFields.parse(body), null);
    String serial = PayloadFields.textOrNumber(r, "callSerialNo", true);
    String called = PhoneNumbers.normalize(PayloadFields.textOrNumber(r, "called", true));
    String caller = PayloadFields.textOrNumber(r, "caller", false);
    if (caller == null) {
      caller = PayloadFields.textOrNumber(r, "callerPresent", false);
    }
    String reason = PayloadFields.textOrNumber(r, "releaseReason", false);
    Instant created = time(r, "createCallTime");
    Instant talking = time(r, "talkingTime");
    Instant released = time(r, "releaseTime");
    Instant at = released != null ? released : created != null ? created : arrivedAt;
    String cause = cause(reason);
    boolean answered = talking != null || "normalClearing".equals(cause);
    return List.of(
        new CallEvent(
            PROVIDER,
            serial,
            CallEventType.REPORT,
            caller == null ? null : PhoneNumbers.normalize(caller),
            called,
            CallDirection.OUT,
            cause,
            PayloadFields.textOrNumber(r, "serviceNo", false),
            answered ? (talking != null ? talking : at) : null,
            PayloadFields.textOrNumber(r, "recordfile", false),
            null,
            null,
            at,
            body));
  }

  private static String cause(String reason) {
    if (reason == null) {
      return null;
    }
    return switch (reason) {
      case "0", "1" -> "normalClearing";
      case "2", "3" -> "congestion";
      case "4", "5" -> "noAnswer";
      default -> "huawei:" + reason;
    };
  }

  private static Instant time(JsonNode r, String field) throws PayloadException {
    String value = PayloadFields.textOrNumber(r, field, false);
    return value == null ? null : ProviderTimes.parseLocal(field, value, ProviderTimes.BEIJING);
  }

  @Override
  public Acknowledgement acknowledgement() {
    return ACK;
  }
}
