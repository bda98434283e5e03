package org.open12345.hotline.notify.robot;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import org.open12345.hotline.notify.MessageSender;
import org.open12345.hotline.notify.OutboundMessage;
import org.open12345.hotline.notify.SendOutcome;
import org.open12345.hotline.notify.TransportFailure;

/** The {@code dingtalk} channel: 钉钉 custom group robots ({@code /robot/send?access_token=...}). */
public final class DingTalkRobotSender implements MessageSender {

  public static final String CHANNEL = "dingtalk";

  /** -1 system busy, 130101 sending too fast (20 messages a minute per robot). */
  private static final Set<Integer> RETRY_CODES = Set.of(-1, 130101);

  private final WebClient client;
  private final DingTalkRobotSettings settings;
  private final Clock clock;

  public DingTalkRobotSender(WebClient client, DingTalkRobotSettings settings) {
    this(client, settings, Clock.systemUTC());
  }

  public DingTalkRobotSender(WebClient client, DingTalkRobotSettings settings, Clock clock) {
    this.client = client;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public boolean addresses(String recipient) {
    return settings.robots().containsKey(recipient);
  }

  @Override
  public Future<SendOutcome> send(OutboundMessage message) {
    DingTalkRobotSettings.Robot robot = settings.robots().get(message.recipient());
    if (robot == null) {
      return Future.succeededFuture(SendOutcome.permanent(
          "no DingTalk robot named " + message.recipient() + " in messaging.dingtalk.robots"));
    }
    JsonObject body = new JsonObject().put("msgtype", robot.msgtype());
    if (robot.msgtype().equals("markdown")) {
      body.put("markdown", new JsonObject()
          .put("title", RobotMessages.title(message))
          .put("text", message.textBody()));
    } else {
      body.put("text", new JsonObject().put("content", message.textBody()));
    }
    body.put("at", new JsonObject().put("atMobiles", RobotMessages.mentionMobiles(message)));

    StringBuilder url = new StringBuilder(settings.baseUrl())
        .append("/robot/send?access_token=")
        .append(URLEncoder.encode(robot.accessToken(), StandardCharsets.UTF_8));
    if (robot.secret() != null) {
      long timestamp = clock.millis();
      url.append("&timestamp=").append(timestamp)
          .append("&sign=").append(DingTalkSignature.urlEncodedSign(timestamp, robot.secret()));
    }
    return client.postAbs(url.toString())
        .timeout(settings.timeoutMs())
        .sendJsonObject(body)
        .map(DingTalkRobotSender::classify)
        .recover(TransportFailure::asRetry);
  }

  static SendOutcome classify(HttpResponse<Buffer> response) {
    return RobotAnswers.classify("DingTalk", response, RETRY_CODES);
  }
}
