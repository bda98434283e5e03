package org.open12345.hotline.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Slows password guessing: after {@code maxFailures} failed logins inside {@code window}, for one
 * account or from one client address, further attempts wait until the oldest of those failures
 * leaves the window. Waiting attempts are refused before any password is checked, so a flood
 * costs one indexed count per request and never an Argon2 hash.
 */
record LoginThrottle(int maxFailures, Duration window) {

  /**
   * Failures counted for one key (an account or an address) inside the window.
   *
   * @param oldest the earliest of them, null when there are none
   */
  record Failures(long count, Instant oldest) {}

  Instant windowStart(Instant now) {
    return now.minus(window);
  }

  /** How long this key must wait before its next attempt; empty when it may try now. */
  Optional<Duration> waitFor(Failures f, Instant now) {
    if (f.count() < maxFailures || f.oldest() == null) {
      return Optional.empty();
    }
    Duration left = Duration.between(now, f.oldest().plus(window));
    return Optional.of(left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left);
  }

  /** The longer of two waits. */
  static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return a.get().compareTo(b.get()) >= 0 ? a : b;
  }
}
