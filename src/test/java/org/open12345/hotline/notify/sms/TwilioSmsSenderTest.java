package org.open12345.hotline.notify.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.notify.ConfigSection;
import org.open12345.hotline.notify.Outcomes;
import org.open12345.hotline.notify.ProviderStub;
import org.open12345.hotline.notify.ProviderStub.Reply;
import org.open12345.hotline.notify.SendOutcome;
import org.open12345.hotline.notify.TestMessages;

class TwilioSmsSenderTest {

  private static final String TEXT =
      "【12345】您反映的问题（工单号 GD1）已办理，请回复数字评价：1非常满意 2满意 3基本满意 4不满意 5非常不满意。";

  private Vertx vertx;
  private WebClient web;
  private ProviderStub twilio;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    web = WebClient.create(vertx);
    twilio = ProviderStub.start(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    Await.result(vertx.close());
  }

  private SendOutcome send(String baseUrl) throws Exception {
    TwilioSmsSender sender = new TwilioSmsSender(web, TwilioSettings.from(
        new ConfigSection("messaging.sms.twilio", new JsonObject()
            .put("accountSid", "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")
            .put("authToken", "your_auth_token")
            .put("from", "+15017122661")
            .put("baseUrl", baseUrl)
            .put("timeoutMs", 500))));
    return Await.result(sender.send(TestMessages.sms("rating-prompt", "13800138000", TEXT, new JsonObject())));
  }

  @Test
  void postsTheFormToTheAccountsMessagesResourceWithBasicAuth() throws Exception {
    twilio.answering(r -> Reply.json(201,
        "{\"sid\":\"SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"status\":\"queued\",\"to\":\"+8613800138000\"}"));

    SendOutcome outcome = send(twilio.baseUrl());

    assertEquals("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", Outcomes.sent(outcome).providerId());
    ProviderStub.Received request = twilio.only();
    assertEquals("POST", request.method());
    assertEquals("/2010-04-01/Accounts/ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX/Messages.json", request.path());
    assertEquals("Basic " + Base64.getEncoder().encodeToString(
            "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX:your_auth_token".getBytes(StandardCharsets.UTF_8)),
        request.headers().get("Authorization"));
    assertEquals("application/x-www-form-urlencoded",
        request.headers().get("Content-Type").split(";")[0].trim());
    Map<String, List<String>> form = new QueryStringDecoder(request.body(), StandardCharsets.UTF_8, false).parameters();
    assertEquals(List.of("+8613800138000"), form.get("To"));
    assertEquals(List.of("+15017122661"), form.get("From"));
    assertEquals(List.of(TEXT), form.get("Body"));
  }

  @Test
  void invalidNumberIsPermanentThrottlingAndServerErrorsAreRetried() throws Exception {
    twilio.answering(r -> Reply.json(400,
        "{\"code\":21211,\"message\":\"The 'To' number +861380013 is not a valid phone number.\","
            + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}"));
    assertEquals("Twilio HTTP 400 code 21211: The 'To' number +861380013 is not a valid phone number.",
        Outcomes.permanent(send(twilio.baseUrl())).reason());

    twilio.answering(r -> Reply.json(429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}"));
    Outcomes.retry(send(twilio.baseUrl()));

    twilio.answering(r -> Reply.json(500, "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}"));
    Outcomes.retry(send(twilio.baseUrl()));

    twilio.answering(r -> Reply.json(401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}"));
    Outcomes.permanent(send(twilio.baseUrl()));

    twilio.answering(r -> Reply.silence());
    Outcomes.retry(send(twilio.baseUrl()));
  }
}
