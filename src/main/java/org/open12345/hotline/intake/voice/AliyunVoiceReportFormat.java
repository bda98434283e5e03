package org.open12345.hotline.intake.voice;

import org.open12345.hotline.ticket.PhoneNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.open12345.hotline.intake.Acknowledgement;
import org.open12345.hotline.intake.PayloadFields;
import org.open12345.hotline.intake.PayloadException;
import org.open12345.hotline.intake.ProviderTimes;

/**
 * Aliyun voice service call record "VoiceReport" by HTTP batch push
 * (help.aliyun.com/zh/vms/developer-reference/voicereport-1): a JSON array of finished calls with
 * {@code call_id, caller, callee, originate_time, ring_time, start_time, end_time, duration,
 * status_code, status_msg, hangup_direction, out_id, ...}, times in Beijing time, empty
 * {@code start_time} when never answered. Each becomes a REPORT event.
 *
 * <p>The format has no direction; it is IN when the callee is one of the centre's own numbers,
 * OUT when the caller is, UNKNOWN otherwise. Status codes are Aliyun's own table, which this
 * class does not translate: a call that was not answered gets cause {@code aliyun:<status_code>}
 * (status_msg stays in the raw record). The answer is the same as for SmsUp.
 */
public final class AliyunVoiceReportFormat implements CallEventFormat {
  public static final String PROVIDER = "aliyun";
  private static final Acknowledgement ACK = Acknowledgement.json("{\"code\":0,\"msg\":\"接收成功\"}");

  private final Set<String> ownNumbers;

  /** @param ownNumbers the centre's numbers (12345, merged hotlines), normalized or not */
  public AliyunVoiceReportFormat(Set<String> ownNumbers) {
    Set<String> normalized = new java.util.HashSet<>();
    for (String n : ownNumbers) {
      normalized.add(PhoneNumbers.normalize(n));
    }
    this.ownNumbers = Set.copyOf(normalized);
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public List<CallEvent> parse(String body, Instant arrivedAt) throws PayloadException {
    JsonNode root = PayloadFields.parse(body);
    if (!root.isArray()) {
      throw new PayloadException(null, "expected a JSON array of call reports");
    }
    List<CallEvent> events = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      events.add(report(PayloadFields.object(root.get(i), "[" + i + "]"), i, arrivedAt));
    }
    return List.copyOf(events);
  }

  private CallEvent report(JsonNode r, int index, Instant arrivedAt) throws PayloadException {
    String prefix = "[" + index + "].";
    String callId = field(r, "call_id", true, prefix);
    String caller = normalizedOrNull(field(r, "caller", false, prefix));
    String callee = normalizedOrNull(field(r, "callee", false, prefix));
    Instant originate = time(r, "originate_time", prefix);
    Instant start = time(r, "start_time", prefix);
    Instant end = time(r, "end_time", prefix);
    String duration = field(r, "duration", false, prefix);
    String status = field(r, "status_code", false, prefix);
    boolean answered = start != null || (duration != null && !duration.matches("0*"));
    String cause = answered ? "normalClearing" : status == null ? null : "aliyun:" + status;
    Instant at = end != null ? end : originate != null ? originate : arrivedAt;
    return new CallEvent(
        PROVIDER,
        callId,
        CallEventType.REPORT,
        caller,
        callee,
        direction(caller, callee),
        cause,
        null,
        answered ? (start != null ? start : at) : null,
        null,
        null,
        null,
        at,
        PayloadFields.toJson(r));
  }

  private CallDirection direction(String caller, String callee) {
    if (callee != null && ownNumbers.contains(callee)) {
      return CallDirection.IN;
    }
    if (caller != null && ownNumbers.contains(caller)) {
      return CallDirection.OUT;
    }
    return CallDirection.UNKNOWN;
  }

  private static String field(JsonNode r, String name, boolean required, String prefix)
      throws PayloadException {
    try {
      return PayloadFields.textOrNumber(r, name, required);
    } catch (PayloadException e) {
      throw new PayloadException(prefix + name, e.getMessage().substring(name.length() + 2));
    }
  }

  private static Instant time(JsonNode r, String name, String prefix) throws PayloadException {
    String value = field(r, name, false, prefix);
    return value == null ? null : ProviderTimes.parseLocal(prefix + name, value, ProviderTimes.BEIJING);
  }

  private static String normalizedOrNull(String number) {
    return number == null ? null : PhoneNumbers.normalize(number);
  }

  @Override
  public Acknowledgement acknowledgement() {
    return ACK;
  }
}
