package org.open12345.hotline.identity;

import java.time.Duration;

/**
 * How long a browser session lives: it ends after {@code idle} without a request, and after
 * {@code absolute} in any case. {@code secureCookies} when the server is reached over https.
 */
record SessionSettings(Duration idle, Duration absolute, boolean secureCookies) {
  /** last_seen_at is written at most this often: a page's burst of requests costs one write. */
  Duration touchEvery() {
    Duration quarter = idle.dividedBy(4);
    return quarter.compareTo(Duration.ofMinutes(1)) < 0 ? quarter : Duration.ofMinutes(1);
  }
}
