package org.open12345.hotline.notify.robot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
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
import org.open12345.hotline.notify.TestMessages;

class WeComRobotSenderTest {

  private Vertx vertx;
  private ProviderStub wecom;
  private WeComRobotSender sender;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    wecom = ProviderStub.start(vertx);
    sender = new WeComRobotSender(WebClient.create(vertx), WeComRobotSettings.from(
        new ConfigSection("messaging.wecom", new JsonObject()
            .put("baseUrl", wecom.baseUrl())
            .put("robots", new JsonObject()
                .put("supervisors", new JsonObject().put("key", "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"))
                .put("board", new JsonObject().put("key", "k2").put("msgtype", "markdown"))))));
  }

  @AfterEach
  void stop() throws Exception {
    Await.result(vertx.close());
  }

  private SendOutcome send(String robot) throws Exception {
    OutboundMessage message = new OutboundMessage("m1", "alert", "wecom", robot, null,
        "【12345预警】工单GD1签收超时", null, "alert:1",
        new JsonObject().put("mentionMobiles", new JsonArray().add("13800001111")));
    return Await.result(sender.send(message));
  }

  @Test
  void postsTextToTheRobotsWebhookKey() throws Exception {
    wecom.answering(r -> Reply.json(200, "{\"errcode\":0,\"errmsg\":\"ok\"}"));

    Outcomes.sent(send("supervisors"));

    ProviderStub.Received request = wecom.only();
    assertEquals("/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa", request.uri());
    JsonObject body = new JsonObject(request.body());
    assertEquals("text", body.getString("msgtype"));
    assertEquals("【12345预警】工单GD1签收超时", body.getJsonObject("text").getString("content"));
    assertEquals(new JsonArray().add("13800001111"), body.getJsonObject("text").getJsonArray("mentioned_mobile_list"));
  }

  @Test
  void markdownRobotsGetMarkdown() throws Exception {
    wecom.answering(r -> Reply.json(200, "{\"errcode\":0,\"errmsg\":\"ok\"}"));
    Outcomes.sent(send("board"));
    JsonObject body = new JsonObject(wecom.only().body());
    assertEquals("markdown", body.getString("msgtype"));
    assertEquals("【12345预警】工单GD1签收超时", body.getJsonObject("markdown").getString("content"));
  }

  @Test
  void frequencyLimitIsRetriedAnInvalidWebhookIsNot() throws Exception {
    wecom.answering(r -> Reply.json(200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}"));
    Outcomes.retry(send("supervisors"));

    wecom.answering(r -> Reply.json(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"));
    assertEquals("WeCom errcode 93000: invalid webhook url", Outcomes.permanent(send("supervisors")).reason());

    wecom.answering(r -> new Reply(504, "text/plain", "gateway timeout"));
    Outcomes.retry(send("supervisors"));
  }

  @Test
  void anUnknownRobotNameFailsWithoutARequest() throws Exception {
    Outcomes.permanent(Await.result(sender.send(TestMessages.to("wecom", "nobody", null, "x"))));
    assertTrue(wecom.received().isEmpty());
  }
}
