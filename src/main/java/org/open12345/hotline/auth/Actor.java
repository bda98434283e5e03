package org.open12345.hotline.auth;

/**
 * The person (or the server) behind a change: recorded on every ticket event.
 *
 * @param department the department a DEPARTMENT actor works for; null for centre staff
 */
public record Actor(String id, Role role, String department) {
  public static final Actor SYSTEM = new Actor("system", Role.SYSTEM, null);
}
