package org.open12345.hotline.intake;

import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.config.HotlineConfig;
import org.open12345.hotline.web.ClientAddress;

/**
 * The {@link WebhookGuard} of each unsigned provider, from config keys
 * {@code intake.<channel>.<provider>.secret} and {@code .allow_ips}. The secret comes in the
 * header {@value #HEADER} or the query parameter {@code secret}.
 */
public final class WebhookGuards {
  public static final String HEADER = "X-Hotline-Webhook-Secret";
  private final Map<String, WebhookGuard> byProvider;

  private WebhookGuards(Map<String, WebhookGuard> byProvider) {
    this.byProvider = byProvider;
  }

  public static WebhookGuards from(HotlineConfig config, String channel, List<String> providers) {
    Map<String, WebhookGuard> m = new java.util.HashMap<>();
    for (String p : providers) {
      String prefix = "intake." + channel + "." + p + ".";
      try {
        m.put(p, new WebhookGuard(config.string(prefix + "secret"), list(config.string(prefix + "allow_ips"))));
      } catch (IllegalArgumentException e) {
        throw new org.open12345.hotline.config.ConfigException("configuration key " + prefix + "allow_ips: "
            + e.getMessage());
      }
    }
    return new WebhookGuards(Map.copyOf(m));
  }

  public static List<String> list(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  public WebhookGuard.Decision check(String provider, RoutingContext ctx) {
    WebhookGuard g = byProvider.get(provider);
    if (g == null) {
      return new WebhookGuard.Decision(false, "no guard for " + provider);
    }
    String secret = ctx.request().getHeader(HEADER);
    if (secret == null) {
      secret = ctx.request().getParam("secret");
    }
    return g.check(secret, ClientAddress.of(ctx));
  }
}
