package org.open12345.hotline.auth;

import java.util.Locale;

/** Who acts on a ticket. The state machine decides what each role may do. */
public enum Role {
  OPERATOR("话务员"),
  DISPATCHER("派单员"),
  DEPARTMENT("承办单位"),
  SUPERVISOR("督办"),
  CITIZEN("诉求人"),
  /** The server itself: routing on creation, deadline steps. Never claimable by an HTTP caller. */
  SYSTEM("系统");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Role parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
