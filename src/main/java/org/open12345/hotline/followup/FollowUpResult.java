package org.open12345.hotline.followup;

import java.util.Locale;

/** What one follow-up attempt (回访) found out. */
public enum FollowUpResult {
  /** The citizen confirms the matter is solved (已解决). */
  SOLVED("已解决"),
  /** The citizen says it is not solved (未解决): the ticket is reopened. */
  NOT_SOLVED("未解决"),
  /** Nobody answered this try (未接通); enough of them end the follow-up as unreachable. */
  NO_ANSWER("未接通");

  private final String label;

  FollowUpResult(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The name in any case, or the Chinese label; null when it is neither. */
  public static FollowUpResult parse(String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    for (FollowUpResult r : values()) {
      if (r.name().equalsIgnoreCase(t) || r.label().equals(t)) {
        return r;
      }
    }
    return t.toUpperCase(Locale.ROOT).equals("UNREACHABLE") ? NO_ANSWER : null;
  }
}
