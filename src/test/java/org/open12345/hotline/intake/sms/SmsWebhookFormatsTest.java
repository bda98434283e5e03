package org.open12345.hotline.intake.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.open12345.hotline.intake.PayloadException;
import org.open12345.hotline.intake.Payloads;
import org.open12345.hotline.notify.webhook.StandardWebhookSignature;

class SmsWebhookFormatsTest {
  private static final Instant ARRIVED = Instant.parse("2024-05-01T00:00:00Z");

  @Test
  void aliyunDocumentedSample() throws PayloadException {
    List<InboundSms> messages =
        new AliyunSmsUpFormat().parse(Payloads.read("sms/aliyun-smsup.json"), ARRIVED);
    assertEquals(1, messages.size());
    InboundSms m = messages.get(0);
    assertEquals("aliyun", m.provider());
    assertEquals("1234567890", m.providerMessageId());
    assertEquals("13811112222", m.phone());
    assertEquals("满意", m.text());
    assertEquals(Instant.parse("2017-08-31T16:00:00Z"), m.receivedAt(), "send_time is Beijing time");
    assertEquals("1234", m.destination());
    assertTrue(m.raw().contains("\"sequence_id\""));
  }

  @Test
  void aliyunBatchWithNumericSequenceAndCompactTime() throws PayloadException {
    List<InboundSms> messages =
        new AliyunSmsUpFormat().parse(Payloads.read("sms/aliyun-smsup-numeric-sequence.json"), ARRIVED);
    assertEquals(2, messages.size());
    assertEquals("1234567890", messages.get(0).providerMessageId());
    assertEquals("1234567891", messages.get(1).providerMessageId());
    assertEquals("13900000001", messages.get(1).phone(), "86 prefix stripped");
    assertEquals(Instant.parse("2017-08-31T16:00:05Z"), messages.get(1).receivedAt());
    assertTrue(messages.get(1).raw().contains("路灯"));
    assertTrue(!messages.get(0).raw().contains("路灯"), "each message keeps its own raw part");
  }

  @Test
  void aliyunEmptyBatchIsValid() throws PayloadException {
    assertEquals(List.of(), new AliyunSmsUpFormat().parse("[]", ARRIVED));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"phone_number":"138","content":"x","send_time":"2017-09-01 00:00:00","dest_code":"1","sequence_id":"1"} | not an array
          [{"content":"x","send_time":"2017-09-01 00:00:00","sequence_id":"1"}] | [0].phone_number
          [{"phone_number":"138","content":"x","send_time":"2017-09-01 00:00:00"}] | [0].sequence_id
          [{"phone_number":"138","content":"x","send_time":"yesterday","sequence_id":"1"}] | [0].send_time
          [{"phone_number":"138","content":"x","send_time":"2017-02-30 00:00:00","sequence_id":"1"}] | [0].send_time
          [{"phone_number":13800138000,"content":"x","send_time":"2017-09-01 00:00:00","sequence_id":"1"}] | [0].phone_number
          [{"phone_number":"138","content":"x","send_time":"2017-09-01 00:00:00","sequence_id":1.5}] | [0].sequence_id
          [1] | [0]
          [{"phone_number":"138","content":"x" | not JSON
          """)
  void aliyunMalformed(String body, String where) {
    PayloadException e =
        assertThrows(PayloadException.class, () -> new AliyunSmsUpFormat().parse(body, ARRIVED));
    if (where.startsWith("[")) {
      assertEquals(where, e.field(), e.getMessage());
    } else {
      assertNull(e.field(), e.getMessage());
    }
  }

  @Test
  void tencentDocumentedSample() throws PayloadException {
    String body = Payloads.read("sms/tencent-reply.json");
    InboundSms m = new TencentSmsReplyFormat().parse(body, ARRIVED).get(0);
    assertEquals("tencent", m.provider());
    assertEquals("13800138000", m.phone());
    assertEquals("4 不满意，问题没解决", m.text());
    assertEquals(Instant.ofEpochSecond(1457336869), m.receivedAt());
    assertNull(m.destination(), "empty extend means none");
    assertTrue(m.providerMessageId().matches("sha256:[0-9a-f]{64}"));
    // a retry carries the same content, so the same key; another text does not
    assertEquals(m.providerMessageId(), new TencentSmsReplyFormat().parse(body, ARRIVED.plusSeconds(60)).get(0).providerMessageId());
    assertNotEquals(
        m.providerMessageId(),
        new TencentSmsReplyFormat().parse(body.replace("4 不满意", "5"), ARRIVED).get(0).providerMessageId());
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"mobile":"13800138000","nationcode":"86","text":"1"} | time
          {"mobile":"13800138000","nationcode":"86","text":"1","time":"1457336869"} | time
          {"mobile":"13800138000","nationcode":"86","text":"1","time":1457336869000} | time
          {"nationcode":"86","text":"1","time":1457336869} | mobile
          {"mobile":"13800138000","nationcode":"86","time":1457336869} | text
          {"mobile":"13800138000","nationcode":86,"text":"1","time":1457336869} | nationcode
          """)
  void tencentMalformed(String body, String field) {
    PayloadException e =
        assertThrows(PayloadException.class, () -> new TencentSmsReplyFormat().parse(body, ARRIVED));
    assertEquals(field, e.field(), e.getMessage());
  }

  @Test
  void twilioDocumentedParameters() throws PayloadException {
    InboundSms m = new TwilioSmsFormat().parse(Payloads.read("sms/twilio-inbound.form"), ARRIVED).get(0);
    assertEquals("twilio", m.provider());
    assertEquals("SM1f0e8ae6ade43cb3c0ce4525424e404f", m.providerMessageId());
    assertEquals("+14155550111", m.phone());
    assertEquals("+14155550100", m.destination());
    assertEquals("满意", m.text());
    assertEquals(ARRIVED, m.receivedAt(), "Twilio sends no time");
  }

  @Test
  void twilioMalformed() {
    assertEquals(
        "MessageSid",
        assertThrows(PayloadException.class, () -> new TwilioSmsFormat().parse("From=%2B1&Body=hi", ARRIVED)).field());
    assertEquals(
        "Body",
        assertThrows(PayloadException.class, () -> new TwilioSmsFormat().parse("MessageSid=SM1&From=%2B1", ARRIVED)).field());
    assertThrows(PayloadException.class, () -> new TwilioSmsFormat().parse("MessageSid=SM1&From=%ZZ&Body=x", ARRIVED));
  }

  @Test
  void genericDocumentedShape() throws PayloadException {
    InboundSms m = new GenericSmsFormat().parse(Payloads.read("sms/generic.json"), ARRIVED).get(0);
    assertEquals("gw-20240501-000123", m.providerMessageId());
    assertEquals("13800138000", m.phone());
    assertEquals("12345", m.destination());
    assertEquals("【回复】3", m.text());
    assertEquals(Instant.parse("2024-05-01T00:30:00Z"), m.receivedAt());
  }

  @Test
  void genericMalformed() {
    assertEquals(
        "received_at",
        assertThrows(
                PayloadException.class,
                () -> new GenericSmsFormat().parse("{\"id\":\"1\",\"from\":\"1\",\"text\":\"x\",\"received_at\":\"2024-05-01 08:30\"}", ARRIVED))
            .field());
    assertEquals(
        "id",
        assertThrows(
                PayloadException.class,
                () -> new GenericSmsFormat().parse("{\"id\":7,\"from\":\"1\",\"text\":\"x\",\"received_at\":\"2024-05-01T08:30:00Z\"}", ARRIVED))
            .field());
  }

  @Test
  void acknowledgementsAreEachProvidersOwn() {
    assertEquals("{\"code\":0,\"msg\":\"接收成功\"}", new AliyunSmsUpFormat().acknowledgement().body());
    assertEquals("{\"result\":0,\"errmsg\":\"OK\"}", new TencentSmsReplyFormat().acknowledgement().body());
    assertEquals(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>",
        new TwilioSmsFormat().acknowledgement().body());
    assertTrue(new TwilioSmsFormat().acknowledgement().contentType().startsWith("text/xml"));
    assertTrue(new AliyunSmsUpFormat().acknowledgement().contentType().startsWith("application/json"));
  }

  @Test
  void formatsByProvider() {
    for (String p : List.of("aliyun", "tencent", "twilio", "generic")) {
      assertEquals(p, SmsWebhookFormats.byProvider(p).orElseThrow().provider());
    }
    assertTrue(SmsWebhookFormats.byProvider("huawei").isEmpty());
    assertTrue(SmsWebhookFormats.byProvider(null).isEmpty());
  }

  @Test
  void signsTheGenericSample() {
    String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    byte[] body = Payloads.read("sms/generic.json").getBytes(StandardCharsets.UTF_8);
    String header = StandardWebhookSignature.sign(secret, "gw-20240501-000123", 1714523400L, body);
    assertTrue(
        StandardWebhookSignature.verify(
                secret, "gw-20240501-000123", "1714523400", body, header, Instant.ofEpochSecond(1714523460))
            .valid());
  }
}
