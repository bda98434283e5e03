package org.open12345.hotline.deadline;

/**
 * The reasons the clock of a ticket may stop; anything else keeps it running. The first three are
 * what a department asks for most: waiting for the citizen, for a third party, for a legal
 * procedure (a hearing, an appraisal period the law sets, a court).
 */
public enum PauseReason {
  WAITING_FOR_CITIZEN("等待诉求人补充材料"),
  CITIZEN_UNREACHABLE_APPOINTMENT("诉求人约定时间处理"),
  THIRD_PARTY_TESTING("等待第三方检测鉴定"),
  LEGAL_PROCEDURE("履行法定程序"),
  FORCE_MAJEURE("不可抗力");

  private final String label;

  PauseReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The name or the Chinese label; null when neither. */
  public static PauseReason parse(String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    for (PauseReason r : values()) {
      if (r.name().equalsIgnoreCase(t) || r.label.equals(t)) {
        return r;
      }
    }
    return null;
  }
}
