package org.open12345.hotline.notify.robot;

import io.vertx.core.json.JsonArray;
import org.open12345.hotline.notify.OutboundMessage;

/** Pieces of robot message bodies shared by WeCom and DingTalk. */
final class RobotMessages {

  private RobotMessages() {}

  /** Phone numbers to @-mention, from {@code metadata.mentionMobiles}. */
  static JsonArray mentionMobiles(OutboundMessage message) {
    JsonArray mobiles = message.metadata().getJsonArray("mentionMobiles");
    return mobiles == null ? new JsonArray() : mobiles.copy();
  }

  /** Markdown robots show a title in the chat list: the subject if any, else the first line. */
  static String title(OutboundMessage message) {
    if (message.subject() != null && !message.subject().isBlank()) {
      return message.subject();
    }
    String text = message.textBody().strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
