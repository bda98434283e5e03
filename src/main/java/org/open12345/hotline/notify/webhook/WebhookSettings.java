package org.open12345.hotline.notify.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import org.open12345.hotline.notify.ConfigSection;

/**
 * The {@code messaging.webhook} section: named endpoints of a centre's other systems; a
 * message's recipient is the endpoint's name.
 */
public record WebhookSettings(int timeoutMs, Map<String, Endpoint> endpoints) {

  /** @param key the decoded bytes of the endpoint's {@code whsec_...} secret */
  public record Endpoint(String url, byte[] key) {}

  public static WebhookSettings from(ConfigSection section) {
    Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    section.sections("endpoints").forEach((name, e) -> {
      byte[] key;
      try {
        key = StandardWebhookSignature.keyOf(e.requireString("secret"));
      } catch (IllegalArgumentException bad) {
        throw new IllegalArgumentException(e.path() + ".secret: " + bad.getMessage(), bad);
      }
      endpoints.put(name, new Endpoint(e.requireString("url"), key));
    });
    return new WebhookSettings(section.integer("timeoutMs", 10_000), Map.copyOf(endpoints));
  }
}
