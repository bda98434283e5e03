package org.open12345.hotline.intake.sms;

import org.open12345.hotline.ticket.PhoneNumbers;
import org.open12345.hotline.intake.Acknowledgement;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.open12345.hotline.intake.PayloadFields;
import org.open12345.hotline.intake.PayloadException;
import org.open12345.hotline.intake.ProviderTimes;

/**
 * Aliyun SMS "SmsUp" HTTP batch push (help.aliyun.com/zh/sms/developer-reference/smsup-http): a
 * JSON array of {@code phone_number, content, send_time (Beijing time), dest_code, sequence_id,
 * sign_name?}. Aliyun retries unless it gets HTTP 200, so a retry re-sends the same
 * {@code sequence_id}, which is the message id here. {@code sequence_id} is documented both as a
 * number and as a string; both are read. An empty array is a valid, empty delivery.
 */
public final class AliyunSmsUpFormat implements SmsWebhookFormat {
  public static final String PROVIDER = "aliyun";
  private static final Acknowledgement ACK = Acknowledgement.json("{\"code\":0,\"msg\":\"接收成功\"}");

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public List<InboundSms> parse(String body, Instant arrivedAt) throws PayloadException {
    JsonNode root = PayloadFields.parse(body);
    if (!root.isArray()) {
      throw new PayloadException(null, "expected a JSON array of messages");
    }
    List<InboundSms> messages = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      JsonNode m = PayloadFields.object(root.get(i), "[" + i + "]");
      try {
        String phone = PhoneNumbers.normalize(PayloadFields.text(m, "phone_number"));
        String content = PayloadFields.text(m, "content");
        Instant sent =
            ProviderTimes.parseLocal("send_time", PayloadFields.text(m, "send_time"), ProviderTimes.BEIJING);
        String sequence = PayloadFields.textOrNumber(m, "sequence_id", true);
        String destCode = PayloadFields.textOrNumber(m, "dest_code", false);
        messages.add(
            new InboundSms(PROVIDER, sequence, phone, content, sent, destCode, PayloadFields.toJson(m)));
      } catch (PayloadException e) {
        throw new PayloadException("[" + i + "]." + e.field(), stripField(e));
      }
    }
    return List.copyOf(messages);
  }

  private static String stripField(PayloadException e) {
    String msg = e.getMessage();
    return e.field() != null && msg.startsWith(e.field() + ": ")
        ? msg.substring(e.field().length() + 2)
        : msg;
  }

  @Override
  public Acknowledgement acknowledgement() {
    return ACK;
  }
}
