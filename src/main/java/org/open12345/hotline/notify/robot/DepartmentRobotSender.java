package org.open12345.hotline.notify.robot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.Optional;
import java.util.Set;
import org.open12345.hotline.notify.DepartmentRobots;
import org.open12345.hotline.notify.MessageSender;
import org.open12345.hotline.notify.OutboundMessage;
import org.open12345.hotline.notify.SendOutcome;
import org.open12345.hotline.notify.TransportFailure;

/**
 * The {@code department-robot} channel: a department's own group robot, by the webhook URL the
 * rule files give (企业微信 {@code /cgi-bin/webhook/send?key=} or 钉钉 {@code /robot/send?access_token=}
 * with keyword or IP security; both take the same text message). The recipient is
 * {@code <department id>#<n>}; see {@link DepartmentRobots}.
 */
public final class DepartmentRobotSender implements MessageSender {

  public static final String CHANNEL = "department-robot";

  /** WeCom's and DingTalk's busy and rate-limit codes (see their senders). */
  private static final Set<Integer> RETRY_CODES = Set.of(-1, 45009, 45033, 130101);

  private final WebClient client;
  private final DepartmentRobots robots;
  private final int timeoutMs;

  public DepartmentRobotSender(WebClient client, DepartmentRobots robots, int timeoutMs) {
    this.client = client;
    this.robots = robots;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public boolean addresses(String recipient) {
    return url(recipient).isPresent();
  }

  private Optional<String> url(String recipient) {
    int hash = recipient.lastIndexOf('#');
    if (hash <= 0) {
      return Optional.empty();
    }
    try {
      return robots.url(recipient.substring(0, hash), Integer.parseInt(recipient.substring(hash + 1)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public Future<SendOutcome> send(OutboundMessage message) {
    Optional<String> url = url(message.recipient());
    if (url.isEmpty()) {
      return Future.succeededFuture(SendOutcome.permanent("no robot " + message.recipient()
          + " in the rule files (departments.yaml webhooks)"));
    }
    JsonObject body = new JsonObject().put("msgtype", "text")
        .put("text", new JsonObject().put("content", message.textBody()));
    String provider = url.get().contains("dingtalk") ? "DingTalk" : "robot";
    return client.postAbs(url.get())
        .timeout(timeoutMs)
        .sendJsonObject(body)
        .map(r -> RobotAnswers.classify(provider, r, RETRY_CODES))
        .recover(TransportFailure::asRetry);
  }
}
