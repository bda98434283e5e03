package org.open12345.hotline.notify.robot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.open12345.hotline.notify.ConfigSection;

/**
 * The {@code messaging.dingtalk} section: named group robots; a message's recipient is the
 * robot's name.
 *
 * @see Robot
 */
public record DingTalkRobotSettings(String baseUrl, int timeoutMs, Map<String, Robot> robots) {

  /**
   * @param secret the robot's 加签 secret ({@code SEC...}); null when the robot is protected by
   *     keywords or an IP list instead
   * @param msgtype {@code text} or {@code markdown}
   */
  public record Robot(String accessToken, String secret, String msgtype) {}

  public static DingTalkRobotSettings from(ConfigSection section) {
    Map<String, Robot> robots = new LinkedHashMap<>();
    section.sections("robots").forEach((name, r) -> {
      String msgtype = r.string("msgtype", "text");
      if (!msgtype.equals("text") && !msgtype.equals("markdown")) {
        throw new IllegalArgumentException(r.path() + ".msgtype must be text or markdown");
      }
      robots.put(name, new Robot(r.requireString("accessToken"), r.string("secret", null), msgtype));
    });
    return new DingTalkRobotSettings(
        section.string("baseUrl", "https://oapi.dingtalk.com"),
        section.integer("timeoutMs", 10_000),
        Map.copyOf(robots));
  }
}
