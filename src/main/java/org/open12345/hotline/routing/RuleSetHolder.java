package org.open12345.hotline.routing;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule set in force. A reload replaces the whole immutable {@link RuleSet} in one reference
 * swap, so every routing decision sees one complete rule set, never half of two.
 */
public final class RuleSetHolder {
  private final AtomicReference<RuleSet> current;

  public RuleSetHolder(RuleSet initial) {
    this.current = new AtomicReference<>(initial);
  }

  public RuleSet current() {
    return current.get();
  }

  void replace(RuleSet next) {
    current.set(next);
    lastRefusal = null;
  }

  /** The errors of the last change that was refused, until a valid change replaces it; or null. */
  public java.util.List<String> lastRefusal() {
    return lastRefusal;
  }

  void refused(java.util.List<String> errors) {
    lastRefusal = java.util.List.copyOf(errors);
  }

  private volatile java.util.List<String> lastRefusal;
}
