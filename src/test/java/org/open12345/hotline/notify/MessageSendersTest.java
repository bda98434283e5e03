package org.open12345.hotline.notify;

import org.open12345.hotline.testing.Await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.notify.sms.LogSmsSender;
import org.open12345.hotline.notify.sms.TencentSmsSender;

class MessageSendersTest {

  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    Await.result(vertx.close());
  }

  @Test
  void anEmptySectionGivesTheLogSmsProviderOnly() throws Exception {
    MessageSenders senders = MessageSenders.fromConfig(vertx, new JsonObject());
    assertEquals(Set.of("sms"), senders.channels());
    assertInstanceOf(LogSmsSender.class, senders.forChannel("sms").orElseThrow());
    SendOutcome outcome = Await.result(senders.send(TestMessages.sms("ticket-ack", "13800138000", "已受理", new JsonObject())));
    assertTrue(Outcomes.sent(outcome).providerId().startsWith("log-"));
    Await.result(senders.close());
  }

  @Test
  void buildsEveryConfiguredChannelFromAYamlLikeMap() throws Exception {
    // Nested maps and lists, as a YAML loader hands them over.
    Map<String, Object> messaging = Map.of(
        "mail", Map.of("host", "smtp.example.gov.cn", "port", 587, "starttls", "required",
            "username", "u", "password", "p", "from", "12345热线 <noreply@12345.example.gov.cn>"),
        "sms", Map.of("provider", "tencent", "tencent", Map.of("secretId", "id", "secretKey", "k",
            "sdkAppId", "1400006666", "signName", "12345热线",
            "templates", Map.of("rating-prompt", Map.of("id", "449739", "params", List.of("ticketNo"))))),
        "wecom", Map.of("robots", Map.of("supervisors", Map.of("key", "k"))),
        "dingtalk", Map.of("robots", Map.of("supervisors", Map.of("accessToken", "t", "secret", "SECx"))),
        "webhook", Map.of("endpoints", Map.of("cityhub", Map.of("url", "https://hub.example.gov.cn/hook",
            "secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))));
    MessageSenders senders = MessageSenders.fromConfig(vertx, new JsonObject(messaging));
    assertEquals(Set.of("mail", "sms", "wecom", "dingtalk", "webhook"), senders.channels());
    assertInstanceOf(TencentSmsSender.class, senders.forChannel("sms").orElseThrow());
    Await.result(senders.close());
  }

  @Test
  void configErrorsNameTheKey() {
    IllegalArgumentException provider = assertThrows(IllegalArgumentException.class, () ->
        MessageSenders.fromConfig(vertx, new JsonObject().put("sms", new JsonObject().put("provider", "sendgrid"))));
    assertTrue(provider.getMessage().startsWith("messaging.sms.provider"), provider.getMessage());

    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () ->
        MessageSenders.fromConfig(vertx, new JsonObject().put("sms", new JsonObject()
            .put("provider", "aliyun").put("aliyun", new JsonObject().put("accessKeyId", "id")))));
    assertEquals("messaging.sms.aliyun.accessKeySecret is required", missing.getMessage());
  }

  @Test
  void anUnconfiguredChannelIsPermanentAndAThrowingSenderIsRetried() throws Exception {
    MessageSender throwing = new MessageSender() {
      @Override
      public String channel() {
        return "wecom";
      }

      @Override
      public Future<SendOutcome> send(OutboundMessage message) {
        throw new IllegalStateException("boom");
      }
    };
    MessageSenders senders = MessageSenders.of(throwing);
    Outcomes.permanent(Await.result(senders.send(TestMessages.to("mail", "a@b.cn", "s", "t"))));
    assertEquals("IllegalStateException: boom",
        Outcomes.retry(Await.result(senders.send(TestMessages.to("wecom", "x", null, "t")))).reason());
  }

  @Test
  void deliveryPoliciesDefaultAndOverride() {
    DeliveryPolicies defaults = DeliveryPolicies.from(new JsonObject());
    assertEquals(LocalTime.of(22, 0), defaults.citizenSms().quietHours().start());
    assertEquals(5, defaults.citizenSms().maxPerHour());

    DeliveryPolicies custom = DeliveryPolicies.from(new JsonObject()
        .put("retry", new JsonObject().put("baseSeconds", 10).put("capSeconds", 600).put("maxAttempts", 8))
        .put("citizenSms", new JsonObject().put("maxPerPhonePerHour", 2)
            .put("quietHours", new JsonObject().put("start", "21:30").put("end", "07:30"))));
    assertEquals(Duration.ofSeconds(10), custom.retry().base());
    assertEquals(8, custom.retry().maxAttempts());
    assertEquals(LocalTime.of(21, 30), custom.citizenSms().quietHours().start());
    assertEquals(2, custom.citizenSms().maxPerHour());

    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> DeliveryPolicies.from(
        new JsonObject().put("citizenSms", new JsonObject().put("quietHours", new JsonObject().put("start", "10pm")))));
    assertTrue(bad.getMessage().startsWith("messaging.citizenSms.quietHours"), bad.getMessage());
  }
}
