package org.open12345.hotline.intake.sms;

import org.open12345.hotline.ticket.PhoneNumbers;
import org.open12345.hotline.intake.Acknowledgement;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.open12345.hotline.intake.ContentKey;
import org.open12345.hotline.intake.PayloadFields;
import org.open12345.hotline.intake.PayloadException;
import org.open12345.hotline.intake.ProviderTimes;

/**
 * Tencent Cloud SMS reply callback (cloud.tencent.com/document/product/382/5809): one JSON object
 * {@code extend, mobile, nationcode, sign, text, time (unix seconds)}. It has no message id, so
 * the id is {@code sha256:} + {@link ContentKey} of phone, time and text.
 */
public final class TencentSmsReplyFormat implements SmsWebhookFormat {
  public static final String PROVIDER = "tencent";
  private static final Acknowledgement ACK = Acknowledgement.json("{\"result\":0,\"errmsg\":\"OK\"}");

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public List<InboundSms> parse(String body, Instant arrivedAt) throws PayloadException {
    JsonNode m = PayloadFields.object(PayloadFields.parse(body), null);
    String phone =
        PhoneNumbers.withCountryCode(
            PayloadFields.optionalText(m, "nationcode"), PayloadFields.text(m, "mobile"));
    String text = PayloadFields.text(m, "text");
    Instant at = ProviderTimes.ofEpochSeconds("time", PayloadFields.longValue(m, "time"));
    String extend = PayloadFields.optionalText(m, "extend");
    String id = "sha256:" + ContentKey.of(phone, at, text);
    return List.of(
        new InboundSms(
            PROVIDER, id, phone, text, at, extend == null || extend.isBlank() ? null : extend, body));
  }

  @Override
  public Acknowledgement acknowledgement() {
    return ACK;
  }
}
