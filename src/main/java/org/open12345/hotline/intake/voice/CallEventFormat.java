package org.open12345.hotline.intake.voice;

import java.time.Instant;
import java.util.List;
import org.open12345.hotline.intake.Acknowledgement;
import org.open12345.hotline.intake.PayloadException;

/** One voice platform's push format: {@code POST /webhooks/voice/{provider}}. */
public interface CallEventFormat {

  String provider();

  /**
   * @param body the request body as text (JSON; the generic format also takes form-encoded)
   * @param arrivedAt arrival time, used when the payload has no time of its own
   */
  List<CallEvent> parse(String body, Instant arrivedAt) throws PayloadException;

  Acknowledgement acknowledgement();
}
