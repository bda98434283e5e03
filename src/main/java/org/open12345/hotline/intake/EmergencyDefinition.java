package org.open12345.hotline.intake;

import java.util.List;
import java.util.Objects;

/** An emergency service (110, 119, 120, 122) and the words that mean a call belongs to it. */
public record EmergencyDefinition(String number, List<String> triggerWords) {
  public EmergencyDefinition {
    Objects.requireNonNull(number, "number");
    triggerWords = List.copyOf(triggerWords);
    if (triggerWords.stream().anyMatch(w -> w == null || w.isBlank())) {
      throw new IllegalArgumentException("blank trigger word for " + number);
    }
  }

  /**
   * Suggested defaults; a city configures its own list. Kept short on purpose: every word here
   * diverts a citizen away from an ordinary ticket.
   */
  public static List<EmergencyDefinition> defaults() {
    return List.of(
        new EmergencyDefinition("119", List.of("火灾", "着火", "失火", "冒烟", "起火")),
        new EmergencyDefinition("122", List.of("车祸", "交通事故", "撞车")),
        new EmergencyDefinition("120", List.of("昏迷", "心脏病", "大出血", "不省人事", "呼吸困难")),
        new EmergencyDefinition("110", List.of("抢劫", "打架", "持刀", "绑架", "杀人")));
  }
}
