package org.open12345.hotline.notify.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One signer for both directions: what the webhook channel signs, the generic SMS webhook accepts. */
class StandardWebhookSignatureTest {
  // The Standard Webhooks / Svix reference test vector.
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final String TS = "1614265330";
  private static final String BODY = "{\"test\": 2432232314}";
  private static final String SIG = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
  private static final Instant NOW = Instant.ofEpochSecond(1614265330);

  /** The example from the Standard Webhooks reference libraries' tests. */
  @Test
  void matchesTheReferenceExample() {
    byte[] key = StandardWebhookSignature.keyOf(SECRET);
    assertEquals(SIG, StandardWebhookSignature.sign(key, ID, 1614265330L, BODY));
  }

  @Test
  void referenceVector() {
    assertEquals(SIG, StandardWebhookSignature.sign(SECRET, ID, 1614265330L, BODY.getBytes(StandardCharsets.UTF_8)));
    assertTrue(StandardWebhookSignature.verify(SECRET, ID, TS, BODY, SIG, NOW).valid());
  }

  @Test
  void whatTheSenderSignsTheReceiverAccepts() {
    String header = StandardWebhookSignature.sign(StandardWebhookSignature.keyOf(SECRET), "msg_1", 1614265330L,
        "{\"type\":\"x\"}");
    assertTrue(StandardWebhookSignature.verify(SECRET, "msg_1", TS, "{\"type\":\"x\"}", header, NOW).valid());
  }

  @Test
  void oneOfSeveralSignaturesIsEnough() {
    String header = "v1a,AAAA v1,Zm9vYmFy " + SIG;
    assertTrue(StandardWebhookSignature.verify(SECRET, ID, TS, BODY, header, NOW).valid());
  }

  @Test
  void secretWithoutPrefixIsAccepted() {
    assertTrue(StandardWebhookSignature.verify("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", ID, TS, BODY, SIG, NOW).valid());
    assertArrayEquals(StandardWebhookSignature.keyOf(SECRET),
        StandardWebhookSignature.keyOf("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
  }

  @Test
  void secretsThatAreNotBase64AreRefused() {
    assertThrows(IllegalArgumentException.class, () -> StandardWebhookSignature.keyOf("plain"));
    assertThrows(IllegalArgumentException.class, () -> StandardWebhookSignature.keyOf("whsec_%%%"));
    assertThrows(IllegalArgumentException.class, () -> StandardWebhookSignature.keyOf("whsec_"));
    assertThrows(IllegalArgumentException.class, () -> StandardWebhookSignature.keyOf(" "));
    assertThrows(IllegalArgumentException.class, () -> StandardWebhookSignature.keyOf(null));
  }

  @Test
  void tamperingIsRefused() {
    assertFalse(StandardWebhookSignature.verify(SECRET, ID, TS, BODY + " ", SIG, NOW).valid());
    assertFalse(StandardWebhookSignature.verify(SECRET, "msg_other", TS, BODY, SIG, NOW).valid());
    assertFalse(StandardWebhookSignature.verify(SECRET, ID, "1614265331", BODY, SIG, NOW).valid());
    assertFalse(StandardWebhookSignature.verify("whsec_" + "A".repeat(32), ID, TS, BODY, SIG, NOW).valid());
    assertFalse(StandardWebhookSignature.verify(SECRET, ID, TS, BODY, "v2," + SIG.substring(3), NOW).valid());
    assertFalse(StandardWebhookSignature.verify(SECRET, ID, TS, BODY, "v1,not base64!", NOW).valid());
    assertFalse(StandardWebhookSignature.verify("whsec_%%%", ID, TS, BODY, SIG, NOW).valid());
  }

  @Test
  void timestampsOutsideFiveMinutesAreRefused() {
    assertTrue(StandardWebhookSignature.verify(SECRET, ID, TS, BODY, SIG, NOW.plusSeconds(300)).valid());
    var late = StandardWebhookSignature.verify(SECRET, ID, TS, BODY, SIG, NOW.plusSeconds(301));
    assertFalse(late.valid());
    assertTrue(late.reason().contains("tolerance"));
    assertFalse(StandardWebhookSignature.verify(SECRET, ID, TS, BODY, SIG, NOW.minusSeconds(301)).valid(), "future-dated");
  }

  @Test
  void missingHeaders() {
    assertFalse(StandardWebhookSignature.verify(SECRET, null, TS, BODY, SIG, NOW).valid());
    assertFalse(StandardWebhookSignature.verify(SECRET, ID, null, BODY, SIG, NOW).valid());
    assertFalse(StandardWebhookSignature.verify(SECRET, ID, "2021-02-25", BODY, SIG, NOW).valid());
    assertFalse(StandardWebhookSignature.verify(SECRET, ID, TS, BODY, null, NOW).valid());
  }
}
