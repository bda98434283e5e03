package org.open12345.hotline.notify.robot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.open12345.hotline.notify.ConfigSection;

/**
 * The {@code messaging.wecom} section: named group robots; a message's recipient is the robot's
 * name (e.g. {@code supervisors}), so the webhook key stays in the config file.
 */
public record WeComRobotSettings(String baseUrl, int timeoutMs, Map<String, Robot> robots) {

  /** @param msgtype {@code text} or {@code markdown} */
  public record Robot(String key, String msgtype) {}

  public static WeComRobotSettings from(ConfigSection section) {
    Map<String, Robot> robots = new LinkedHashMap<>();
    section.sections("robots").forEach((name, r) -> {
      String msgtype = r.string("msgtype", "text");
      if (!msgtype.equals("text") && !msgtype.equals("markdown")) {
        throw new IllegalArgumentException(r.path() + ".msgtype must be text or markdown");
      }
      robots.put(name, new Robot(r.requireString("key"), msgtype));
    });
    return new WeComRobotSettings(
        section.string("baseUrl", "https://qyapi.weixin.qq.com"),
        section.integer("timeoutMs", 10_000),
        Map.copyOf(robots));
  }
}
