package org.open12345.hotline.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Who acts. The access table ({@link AccessRules}) decides which routes each role reaches; the
 * ticket state machine decides what each role may do to a ticket.
 */
public enum Role {
  OPERATOR("话务员"),
  DISPATCHER("派单员"),
  /** Staff of a handling unit; bound to one department and seeing its sub-tree. */
  DEPARTMENT("承办单位"),
  SUPERVISOR("督办"),
  /** Manages users and API tokens; reads the security log. Sees no tickets. */
  ADMIN("管理员"),
  /** A monitoring system's token: reads /metrics and nothing else. Tokens only, never a person. */
  METRICS("监控"),
  CITIZEN("诉求人"),
  /** The server itself: routing on creation, deadline steps. Never claimable by an HTTP caller. */
  SYSTEM("系统");

  /** Roles a user account may have. */
  public static final Set<Role> FOR_USERS = EnumSet.of(OPERATOR, DISPATCHER, DEPARTMENT, SUPERVISOR, ADMIN);
  /** Roles an API token may have. */
  public static final Set<Role> FOR_TOKENS = EnumSet.of(OPERATOR, DISPATCHER, DEPARTMENT, SUPERVISOR, ADMIN, METRICS);

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
