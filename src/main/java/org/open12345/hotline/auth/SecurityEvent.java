package org.open12345.hotline.auth;

import java.util.Map;

/**
 * One line of the append-only security log.
 *
 * @param kind what happened, e.g. {@code login}, {@code login_failed}, {@code reveal}
 * @param actor who did it (null when nobody is authenticated, e.g. a failed login)
 * @param subject what it was about: the account name tried, the user or token changed, the
 *     ticket number revealed
 * @param address the client address behind trusted proxies, or null
 * @param details extra JSON-encodable facts (a reveal's reason, an old and new role)
 */
public record SecurityEvent(String kind, Actor actor, String subject, String address, Map<String, Object> details) {
  public SecurityEvent {
    details = details == null ? Map.of() : Map.copyOf(details);
  }
}
