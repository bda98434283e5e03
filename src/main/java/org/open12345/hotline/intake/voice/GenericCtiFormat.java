package org.open12345.hotline.intake.voice;

import org.open12345.hotline.ticket.PhoneNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.open12345.hotline.intake.Acknowledgement;
import org.open12345.hotline.intake.FormBody;
import org.open12345.hotline.intake.PayloadFields;
import org.open12345.hotline.intake.PayloadException;
import org.open12345.hotline.intake.ProviderTimes;

/**
 * A generic CTI push modelled on Zammad's generic CTI (docs.zammad.org, "Generic CTI"), so PBX
 * scripts written for Zammad work unchanged. JSON or form-encoded, one event per request:
 *
 * <ul>
 *   <li>{@code event}: {@code newCall}, {@code answer}, {@code hangup}; our extension
 *       {@code report} carries data that arrives after the hang-up (ASR text, rating digits);
 *   <li>{@code callId} (required), {@code from}, {@code to}, {@code direction} {@code in|out}
 *       (required except for {@code report});
 *   <li>{@code cause} on hang-up: {@code normalClearing, busy, cancel, noAnswer, congestion,
 *       notFound, forwarded};
 *   <li>{@code user} / {@code user[]} and {@code answeringNumber}: the operator;
 *   <li>extensions: {@code recording_url}, {@code transcript}, {@code digits}, and {@code at}
 *       (ISO-8601 event time; the arrival time otherwise).
 * </ul>
 *
 * The answer is {@code {}}, as Zammad answers.
 */
public final class GenericCtiFormat implements CallEventFormat {
  public static final String PROVIDER = "generic";
  private static final Acknowledgement ACK = Acknowledgement.json("{}");

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public List<CallEvent> parse(String body, Instant arrivedAt) throws PayloadException {
    if (body == null || body.isBlank()) {
      throw new PayloadException(null, "empty body");
    }
    Map<String, List<String>> f =
        body.stripLeading().startsWith("{") ? flatten(PayloadFields.parse(body)) : FormBody.parse(body);

    CallEventType type = eventType(FormBody.required(f, "event"));
    String callId = FormBody.required(f, "callId");
    boolean report = type == CallEventType.REPORT;
    String from = report ? FormBody.first(f, "from") : FormBody.required(f, "from");
    String to = report ? FormBody.first(f, "to") : FormBody.required(f, "to");
    String dir = report ? FormBody.first(f, "direction") : FormBody.required(f, "direction");
    CallDirection direction = direction(dir);
    String atText = FormBody.first(f, "at");
    Instant at = atText == null || atText.isBlank() ? arrivedAt : ProviderTimes.parseIso("at", atText);

    List<String> users = new ArrayList<>();
    users.addAll(f.getOrDefault("user", List.of()));
    users.addAll(f.getOrDefault("user[]", List.of()));
    String answering = blankToNull(FormBody.first(f, "answeringNumber"));
    String agent = answering != null ? answering : users.isEmpty() ? null : String.join(", ", users);

    return List.of(
        new CallEvent(
            PROVIDER,
            callId,
            type,
            from == null ? null : PhoneNumbers.normalize(from),
            to == null ? null : PhoneNumbers.normalize(to),
            direction,
            type == CallEventType.HANGUP ? blankToNull(FormBody.first(f, "cause")) : null,
            agent,
            type == CallEventType.ANSWER ? at : null,
            blankToNull(FormBody.first(f, "recording_url")),
            blankToNull(FormBody.first(f, "transcript")),
            blankToNull(FormBody.first(f, "digits")),
            at,
            body));
  }

  private static CallEventType eventType(String value) throws PayloadException {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "newcall" -> CallEventType.NEW_CALL;
      case "answer" -> CallEventType.ANSWER;
      case "hangup" -> CallEventType.HANGUP;
      case "report" -> CallEventType.REPORT;
      default -> throw new PayloadException("event", "unknown event '" + value + "'");
    };
  }

  private static CallDirection direction(String value) throws PayloadException {
    if (value == null || value.isBlank()) {
      return CallDirection.UNKNOWN;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "in" -> CallDirection.IN;
      case "out" -> CallDirection.OUT;
      default -> throw new PayloadException("direction", "expected in or out, was '" + value + "'");
    };
  }

  /** JSON fields to the same name → values map the form decoder gives. */
  private static Map<String, List<String>> flatten(JsonNode root) throws PayloadException {
    PayloadFields.object(root, null);
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      var e = it.next();
      JsonNode v = e.getValue();
      List<String> values = new ArrayList<>();
      if (v.isArray()) {
        for (JsonNode item : v) {
          values.add(scalar(e.getKey(), item));
        }
      } else if (!v.isNull()) {
        values.add(scalar(e.getKey(), v));
      }
      out.put(e.getKey(), values);
    }
    return out;
  }

  private static String scalar(String field, JsonNode v) throws PayloadException {
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isNumber() || v.isBoolean()) {
      return v.asText();
    }
    throw new PayloadException(field, "expected a string but was " + v.getNodeType());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  @Override
  public Acknowledgement acknowledgement() {
    return ACK;
  }
}
