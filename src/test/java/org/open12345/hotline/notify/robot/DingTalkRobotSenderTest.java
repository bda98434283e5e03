package org.open12345.hotline.notify.robot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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

class DingTalkRobotSenderTest {

  private static final String SECRET = "SECb5a3f0c2d1e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b";
  private static final Instant NOW = Instant.parse("2026-03-02T09:30:00.123Z");

  private Vertx vertx;
  private ProviderStub dingtalk;
  private DingTalkRobotSender sender;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    dingtalk = ProviderStub.start(vertx);
    sender = new DingTalkRobotSender(WebClient.create(vertx), DingTalkRobotSettings.from(
        new ConfigSection("messaging.dingtalk", new JsonObject()
            .put("baseUrl", dingtalk.baseUrl())
            .put("robots", new JsonObject()
                .put("supervisors", new JsonObject().put("accessToken", "tok+en/1").put("secret", SECRET))
                .put("keywords", new JsonObject().put("accessToken", "tok2").put("msgtype", "markdown"))))),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() throws Exception {
    Await.result(vertx.close());
  }

  private SendOutcome send(String robot) throws Exception {
    return Await.result(sender.send(TestMessages.to("dingtalk", robot, "督办提醒", "【12345预警】工单GD1超期2小时")));
  }

  @Test
  void signsTheUrlWithTimestampAndHmacOfTheSecret() throws Exception {
    dingtalk.answering(r -> Reply.json(200, "{\"errcode\":0,\"errmsg\":\"ok\"}"));

    Outcomes.sent(send("supervisors"));

    ProviderStub.Received request = dingtalk.only();
    assertEquals("/robot/send", request.path());
    Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
    assertEquals(List.of("tok+en/1"), query.get("access_token"));
    assertEquals(List.of(Long.toString(NOW.toEpochMilli())), query.get("timestamp"));
    // Decoded once by the query decoder: the base64 HMAC DingTalk recomputes on its side.
    assertEquals(List.of(expectedSign(NOW.toEpochMilli())), query.get("sign"));
    JsonObject body = new JsonObject(request.body());
    assertEquals("text", body.getString("msgtype"));
    assertEquals("【12345预警】工单GD1超期2小时", body.getJsonObject("text").getString("content"));
  }

  @Test
  void keywordRobotsAreNotSignedAndMarkdownCarriesATitle() throws Exception {
    dingtalk.answering(r -> Reply.json(200, "{\"errcode\":0,\"errmsg\":\"ok\"}"));
    Outcomes.sent(send("keywords"));
    ProviderStub.Received request = dingtalk.only();
    assertEquals("/robot/send?access_token=tok2", request.uri());
    JsonObject markdown = new JsonObject(request.body()).getJsonObject("markdown");
    assertEquals("督办提醒", markdown.getString("title"));
    assertEquals("【12345预警】工单GD1超期2小时", markdown.getString("text"));
  }

  @Test
  void rateLimitIsRetriedSignAndKeywordErrorsAreNot() throws Exception {
    dingtalk.answering(r -> Reply.json(200, "{\"errcode\":130101,\"errmsg\":\"send too fast, exceed 20 times per minute\"}"));
    Outcomes.retry(send("supervisors"));

    dingtalk.answering(r -> Reply.json(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}"));
    assertEquals("DingTalk errcode 310000: sign not match", Outcomes.permanent(send("supervisors")).reason());

    Outcomes.retry(Await.result(new DingTalkRobotSender(WebClient.create(vertx), DingTalkRobotSettings.from(
            new ConfigSection("messaging.dingtalk", new JsonObject()
                .put("baseUrl", ProviderStub.closedPortUrl())
                .put("robots", new JsonObject().put("r", new JsonObject().put("accessToken", "t"))))))
        .send(TestMessages.to("dingtalk", "r", null, "x"))));
  }

  private static String expectedSign(long timestamp) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(
        mac.doFinal((timestamp + "\n" + SECRET).getBytes(StandardCharsets.UTF_8)));
  }
}
