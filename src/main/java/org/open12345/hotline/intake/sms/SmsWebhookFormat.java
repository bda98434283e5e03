package org.open12345.hotline.intake.sms;

import org.open12345.hotline.intake.Acknowledgement;
import java.time.Instant;
import java.util.List;
import org.open12345.hotline.intake.PayloadException;

/** One provider's inbound-SMS push: how to read the body and how to answer it. */
public interface SmsWebhookFormat {

  /** The {provider} path segment: {@code /webhooks/sms/{provider}}. */
  String provider();

  /**
   * @param body the request body as UTF-8 text (JSON or form-encoded, per provider)
   * @param arrivedAt when the request arrived; used where the format carries no time
   * @return the messages in the delivery (Aliyun batches several; others carry one)
   * @throws PayloadException when a required field is missing, of the wrong type, or unreadable
   */
  List<InboundSms> parse(String body, Instant arrivedAt) throws PayloadException;

  /** The success answer, sent only after every message of the delivery is committed. */
  Acknowledgement acknowledgement();
}
