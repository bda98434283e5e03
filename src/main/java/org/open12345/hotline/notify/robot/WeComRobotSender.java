package org.open12345.hotline.notify.robot;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.open12345.hotline.notify.MessageSender;
import org.open12345.hotline.notify.OutboundMessage;
import org.open12345.hotline.notify.ProviderResponses;
import org.open12345.hotline.notify.SendOutcome;
import org.open12345.hotline.notify.TransportFailure;

/** The {@code wecom} channel: 企业微信 group robots ({@code /cgi-bin/webhook/send?key=...}). */
public final class WeComRobotSender implements MessageSender {

  public static final String CHANNEL = "wecom";

  /** -1 system busy, 45009 API frequency limit, 45033 concurrency limit. */
  private static final Set<Integer> RETRY_CODES = Set.of(-1, 45009, 45033);

  private final WebClient client;
  private final WeComRobotSettings settings;

  public WeComRobotSender(WebClient client, WeComRobotSettings settings) {
    this.client = client;
    this.settings = settings;
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
    WeComRobotSettings.Robot robot = settings.robots().get(message.recipient());
    if (robot == null) {
      return Future.succeededFuture(SendOutcome.permanent(
          "no WeCom robot named " + message.recipient() + " in messaging.wecom.robots"));
    }
    JsonObject body = new JsonObject().put("msgtype", robot.msgtype());
    if (robot.msgtype().equals("markdown")) {
      body.put("markdown", new JsonObject().put("content", message.textBody()));
    } else {
      body.put("text", new JsonObject()
          .put("content", message.textBody())
          .put("mentioned_mobile_list", RobotMessages.mentionMobiles(message)));
    }
    String url = settings.baseUrl() + "/cgi-bin/webhook/send?key="
        + URLEncoder.encode(robot.key(), StandardCharsets.UTF_8);
    return client.postAbs(url)
        .timeout(settings.timeoutMs())
        .sendJsonObject(body)
        .map(WeComRobotSender::classify)
        .recover(TransportFailure::asRetry);
  }

  static SendOutcome classify(HttpResponse<Buffer> response) {
    return RobotAnswers.classify("WeCom", response, RETRY_CODES);
  }
}
