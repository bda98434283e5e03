package org.open12345.hotline.notify.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StandardWebhookSignatureTest {

  /** The example from the Standard Webhooks reference libraries' tests. */
  @Test
  void matchesTheReferenceExample() {
    byte[] key = StandardWebhookSignature.keyOf("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        StandardWebhookSignature.sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}"));
  }
}
