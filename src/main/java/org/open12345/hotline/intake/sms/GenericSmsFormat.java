package org.open12345.hotline.intake.sms;

import org.open12345.hotline.ticket.PhoneNumbers;
import org.open12345.hotline.intake.Acknowledgement;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.open12345.hotline.intake.PayloadFields;
import org.open12345.hotline.intake.PayloadException;
import org.open12345.hotline.intake.ProviderTimes;

/**
 * The project's own documented shape for gateways that can be programmed:
 *
 * <pre>{@code
 * {"id": "gw-20240501-000123",          // required, unique per gateway, reused on retries
 *  "from": "+86 138 0013 8000",          // required
 *  "to": "12345",                        // optional: the number written to
 *  "text": "3",                          // required, non-blank
 *  "received_at": "2024-05-01T08:30:00+08:00"}  // required, ISO-8601 with offset
 * }</pre>
 *
 * Signed Standard Webhooks style: verify with {@link StandardWebhookSignature} first. The answer
 * is {@code {"status":"accepted"}}.
 */
public final class GenericSmsFormat implements SmsWebhookFormat {
  public static final String PROVIDER = "generic";
  private static final Acknowledgement ACK = Acknowledgement.json("{\"status\":\"accepted\"}");

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public List<InboundSms> parse(String body, Instant arrivedAt) throws PayloadException {
    JsonNode m = PayloadFields.object(PayloadFields.parse(body), null);
    String id = PayloadFields.text(m, "id");
    String from = PhoneNumbers.normalize(PayloadFields.text(m, "from"));
    String to = PayloadFields.optionalText(m, "to");
    String text = PayloadFields.text(m, "text");
    Instant at = ProviderTimes.parseIso("received_at", PayloadFields.text(m, "received_at"));
    return List.of(
        new InboundSms(PROVIDER, id, from, text, at, to == null ? null : PhoneNumbers.normalize(to), body));
  }

  @Override
  public Acknowledgement acknowledgement() {
    return ACK;
  }
}
