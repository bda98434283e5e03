package org.open12345.hotline.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The address of the client behind the centre's own reverse proxies. {@code X-Forwarded-For} and
 * {@code X-Real-IP} are believed only when the peer is one of {@code http.trusted_proxies}: anyone
 * else could write any address there and slip past a rate limit or an IP allow-list.
 *
 * <p>Installed first on the root router; everything that limits or logs by address reads
 * {@link #of}.
 */
public final class ClientAddress implements Handler<RoutingContext> {
  private static final String KEY = "hotline.clientAddress";
  private final IpRanges trusted;

  public ClientAddress(IpRanges trusted) {
    this.trusted = trusted;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String peer = ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().host();
    ctx.put(KEY, resolve(peer, ctx.request().headers().getAll("X-Forwarded-For"),
        ctx.request().getHeader("X-Real-IP"), trusted));
    ctx.next();
  }

  /** The client address of this request; the peer's when the handler is not installed. */
  public static String of(RoutingContext ctx) {
    String a = ctx.get(KEY);
    if (a != null) {
      return a;
    }
    return ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().host();
  }

  /**
   * Walks {@code X-Forwarded-For} from the right (the hop nearest to us) past our own proxies;
   * the first address that is not one of them is the client. A malformed entry ends the walk:
   * the last proxy we trust is then the best we know.
   */
  static String resolve(String peer, List<String> forwardedFor, String realIp, IpRanges trusted) {
    if (peer == null || trusted.isEmpty() || !trusted.contains(peer)) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String part : header.split(",")) {
        if (!part.isBlank()) {
          hops.add(part.trim());
        }
      }
    }
    if (hops.isEmpty()) {
      return realIp != null && IpRanges.parseLiteral(realIp) != null ? realIp.trim() : peer;
    }
    String client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (IpRanges.parseLiteral(hop) == null) {
        return client;
      }
      client = hop;
      if (!trusted.contains(hop)) {
        return hop;
      }
    }
    return client;
  }
}
