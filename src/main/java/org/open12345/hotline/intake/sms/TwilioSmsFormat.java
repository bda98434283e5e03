package org.open12345.hotline.intake.sms;

import org.open12345.hotline.ticket.PhoneNumbers;
import org.open12345.hotline.intake.Acknowledgement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.intake.FormBody;
import org.open12345.hotline.intake.PayloadException;

/**
 * Twilio incoming-message webhook: form-encoded {@code MessageSid, AccountSid, From, To, Body,
 * NumMedia, ...}. It carries no time, so the arrival time is used. Verify
 * {@code X-Twilio-Signature} with {@link TwilioSignature} over the same parameters first. The
 * answer is empty TwiML (no auto-reply; the acknowledgement SMS goes through the outbox).
 */
public final class TwilioSmsFormat implements SmsWebhookFormat {
  public static final String PROVIDER = "twilio";
  private static final Acknowledgement ACK =
      new Acknowledgement(
          "text/xml; charset=utf-8", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>");

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public List<InboundSms> parse(String body, Instant arrivedAt) throws PayloadException {
    return parse(FormBody.parse(body), arrivedAt, body);
  }

  /** For callers that already decoded the form (they need it for the signature anyway). */
  public List<InboundSms> parse(Map<String, List<String>> params, Instant arrivedAt, String raw)
      throws PayloadException {
    String sid = FormBody.required(params, "MessageSid");
    String from = PhoneNumbers.normalize(FormBody.required(params, "From"));
    String to = FormBody.first(params, "To");
    String text = FormBody.first(params, "Body");
    if (text == null) {
      throw new PayloadException("Body", "missing");
    }
    return List.of(
        new InboundSms(
            PROVIDER, sid, from, text, arrivedAt, to == null ? null : PhoneNumbers.normalize(to), raw));
  }

  @Override
  public Acknowledgement acknowledgement() {
    return ACK;
  }
}
