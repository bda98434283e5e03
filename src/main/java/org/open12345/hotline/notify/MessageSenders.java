package org.open12345.hotline.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.open12345.hotline.notify.mail.MailSender;
import org.open12345.hotline.notify.mail.SmtpSettings;
import org.open12345.hotline.notify.robot.DepartmentRobotSender;
import org.open12345.hotline.notify.robot.DingTalkRobotSender;
import org.open12345.hotline.notify.robot.DingTalkRobotSettings;
import org.open12345.hotline.notify.robot.WeComRobotSender;
import org.open12345.hotline.notify.robot.WeComRobotSettings;
import org.open12345.hotline.notify.sms.AliyunSmsSender;
import org.open12345.hotline.notify.sms.AliyunSmsSettings;
import org.open12345.hotline.notify.sms.LogSmsSender;
import org.open12345.hotline.notify.sms.TencentSmsSender;
import org.open12345.hotline.notify.sms.TencentSmsSettings;
import org.open12345.hotline.notify.sms.TwilioSettings;
import org.open12345.hotline.notify.sms.TwilioSmsSender;
import org.open12345.hotline.notify.webhook.WebhookSender;
import org.open12345.hotline.notify.webhook.WebhookSettings;

/**
 * The senders the config file asks for, by channel name; what the outbox relay calls.
 * {@code sms} is always present (the {@code log} provider when none is configured); the other
 * channels exist only when their section is present.
 */
public final class MessageSenders {

  private final Map<String, MessageSender> byChannel;
  private final List<MailSender> mailSenders;
  private final WebClient webClient;

  private MessageSenders(Map<String, MessageSender> byChannel, List<MailSender> mailSenders, WebClient webClient) {
    this.byChannel = Collections.unmodifiableMap(byChannel);
    this.mailSenders = List.copyOf(mailSenders);
    this.webClient = webClient;
  }

  /**
   * Builds the senders from the {@code messaging} section of the config file. Throws
   * {@link IllegalArgumentException} naming the key path when the section is wrong, so a bad
   * config stops the server at startup rather than dead-lettering every message.
   */
  public static MessageSenders fromConfig(Vertx vertx, JsonObject messaging) {
    return fromConfig(vertx, messaging, null);
  }

  /**
   * As {@link #fromConfig(Vertx, JsonObject)}, plus the {@code department-robot} channel over the
   * departments' own robots when {@code departmentRobots} is given.
   */
  public static MessageSenders fromConfig(Vertx vertx, JsonObject messaging, DepartmentRobots departmentRobots) {
    ConfigSection root = new ConfigSection("messaging", messaging);
    WebClient web = WebClient.create(vertx, new WebClientOptions()
        .setUserAgent("open12345-hotline")
        .setConnectTimeout(root.section("http").integer("connectTimeoutMs", 5_000)));
    Map<String, MessageSender> senders = new LinkedHashMap<>();
    List<MailSender> mail = new ArrayList<>();
    try {
      if (root.has("mail")) {
        MailSender sender = new MailSender(vertx, SmtpSettings.from(root.section("mail")));
        mail.add(sender);
        senders.put(sender.channel(), sender);
      }
      MessageSender sms = smsSender(web, root.section("sms"));
      senders.put(sms.channel(), sms);
      if (root.has("wecom")) {
        senders.put(WeComRobotSender.CHANNEL,
            new WeComRobotSender(web, WeComRobotSettings.from(root.section("wecom"))));
      }
      if (root.has("dingtalk")) {
        senders.put(DingTalkRobotSender.CHANNEL,
            new DingTalkRobotSender(web, DingTalkRobotSettings.from(root.section("dingtalk"))));
      }
      if (root.has("webhook")) {
        senders.put(WebhookSender.CHANNEL,
            new WebhookSender(web, WebhookSettings.from(root.section("webhook"))));
      }
      if (departmentRobots != null) {
        senders.put(DepartmentRobotSender.CHANNEL, new DepartmentRobotSender(web, departmentRobots, 10_000));
      }
    } catch (RuntimeException e) {
      mail.forEach(MailSender::close);
      web.close();
      throw e;
    }
    return new MessageSenders(senders, mail, web);
  }

  /** A registry over given senders, e.g. for tests of the relay with a local sender. */
  public static MessageSenders of(MessageSender... senders) {
    Map<String, MessageSender> byChannel = new LinkedHashMap<>();
    for (MessageSender sender : senders) {
      byChannel.put(sender.channel(), sender);
    }
    return new MessageSenders(byChannel, List.of(), null);
  }

  private static MessageSender smsSender(WebClient web, ConfigSection sms) {
    String provider = sms.string("provider", "log");
    return switch (provider) {
      case "log" -> new LogSmsSender();
      case "aliyun" -> new AliyunSmsSender(web, AliyunSmsSettings.from(sms.section("aliyun")));
      case "tencent" -> new TencentSmsSender(web, TencentSmsSettings.from(sms.section("tencent")));
      case "twilio" -> new TwilioSmsSender(web, TwilioSettings.from(sms.section("twilio")));
      default -> throw new IllegalArgumentException(
          sms.path() + ".provider must be log, aliyun, tencent or twilio, got " + provider);
    };
  }

  public Optional<MessageSender> forChannel(String channel) {
    return Optional.ofNullable(byChannel.get(channel));
  }

  public Set<String> channels() {
    return byChannel.keySet();
  }

  /** Whether the channel is configured and knows the recipient (a robot or endpoint name). */
  public boolean canAddress(String channel, String recipient) {
    MessageSender sender = byChannel.get(channel);
    return sender != null && sender.addresses(recipient);
  }

  /**
   * Sends through the message's channel. An unknown channel is a permanent failure (the message
   * can be resent from the dead letters once the channel is configured); an exception thrown by a
   * sender becomes a retry, so the returned future always succeeds.
   */
  public Future<SendOutcome> send(OutboundMessage message) {
    MessageSender sender = byChannel.get(message.channel());
    if (sender == null) {
      return Future.succeededFuture(SendOutcome.permanent(
          "channel " + message.channel() + " is not configured (messaging." + message.channel() + ")"));
    }
    try {
      return sender.send(message).recover(TransportFailure::asRetry);
    } catch (RuntimeException e) {
      return TransportFailure.asRetry(e);
    }
  }

  public Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    mailSenders.forEach(m -> closing.add(m.close()));
    if (webClient != null) {
      webClient.close();
    }
    return Future.join(closing).mapEmpty();
  }
}
