package org.open12345.hotline.intake.web;

import java.util.Map;
import org.open12345.hotline.problem.Problem;

/** Too many complaints or lookups from one address or for one phone; the message is for the citizen. */
public final class RateLimited extends Problem {
  /** @param limit the configuration key that was reached, or null when the caller need not know */
  public RateLimited(String message, String limit) {
    super(Kind.TOO_MANY, "rate_limited", message, limit == null ? null : Map.of("limit", limit));
  }
}
