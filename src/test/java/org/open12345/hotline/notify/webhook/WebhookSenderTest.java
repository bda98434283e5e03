package org.open12345.hotline.notify.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.notify.ConfigSection;
import org.open12345.hotline.notify.OutboundMessage;
import org.open12345.hotline.notify.Outcomes;
import org.open12345.hotline.notify.ProviderStub;
import org.open12345.hotline.notify.ProviderStub.Reply;
import org.open12345.hotline.notify.SendOutcome;

class WebhookSenderTest {

  private static final byte[] KEY = "hotline-test-key-32-bytes-long!!".getBytes(StandardCharsets.UTF_8);
  private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(KEY);
  private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");

  private Vertx vertx;
  private ProviderStub receiver;
  private WebhookSender sender;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    receiver = ProviderStub.start(vertx);
    sender = new WebhookSender(WebClient.create(vertx), WebhookSettings.from(
        new ConfigSection("messaging.webhook", new JsonObject()
            .put("timeoutMs", 500)
            .put("endpoints", new JsonObject().put("cityhub",
                new JsonObject().put("url", receiver.baseUrl() + "/hooks/12345").put("secret", SECRET))))),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() throws Exception {
    Await.result(vertx.close());
  }

  private SendOutcome send() throws Exception {
    return Await.result(sender.send(new OutboundMessage("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", "ticket.overdue",
        "webhook", "cityhub", "督办", "工单GD1超期", null, "overdue:GD1",
        new JsonObject().put("data", new JsonObject().put("ticketNo", "GD1").put("overdueMinutes", 120)))));
  }

  @Test
  void postsJsonSignedAsStandardWebhooks() throws Exception {
    receiver.answering(r -> new Reply(204, null, null));

    Outcomes.sent(send());

    ProviderStub.Received request = receiver.only();
    assertEquals("/hooks/12345", request.path());
    assertEquals("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", request.headers().get("webhook-id"));
    assertEquals(Long.toString(NOW.getEpochSecond()), request.headers().get("webhook-timestamp"));
    assertEquals(expectedSignature(request), request.headers().get("webhook-signature"));
    JsonObject body = new JsonObject(request.body());
    assertEquals("ticket.overdue", body.getString("type"));
    assertEquals("2026-03-02T09:30:00Z", body.getString("timestamp"));
    assertEquals(new JsonObject().put("ticketNo", "GD1").put("overdueMinutes", 120), body.getJsonObject("data"));
  }

  @Test
  void clientErrorsArePermanentExceptTimeoutAndThrottling() throws Exception {
    receiver.answering(r -> new Reply(400, "text/plain", "bad payload"));
    assertEquals("HTTP 400: bad payload", Outcomes.permanent(send()).reason());
    receiver.answering(r -> new Reply(410, null, null));
    Outcomes.permanent(send());
    receiver.answering(r -> new Reply(408, null, null));
    Outcomes.retry(send());
    receiver.answering(r -> new Reply(429, null, null));
    Outcomes.retry(send());
    receiver.answering(r -> new Reply(503, null, null));
    Outcomes.retry(send());
    receiver.answering(r -> Reply.silence());
    Outcomes.retry(send());
  }

  @Test
  void aSecretWithoutTheWhsecPrefixIsRejectedAtStartup() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WebhookSettings.from(
        new ConfigSection("messaging.webhook", new JsonObject().put("endpoints", new JsonObject()
            .put("cityhub", new JsonObject().put("url", "http://x").put("secret", "plain"))))));
    assertTrue(e.getMessage().startsWith("messaging.webhook.endpoints.cityhub.secret"), e.getMessage());
  }

  private static String expectedSignature(ProviderStub.Received request) throws Exception {
    String content = request.headers().get("webhook-id") + "." + request.headers().get("webhook-timestamp")
        + "." + request.body();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
    return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
  }
}
