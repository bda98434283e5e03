package org.open12345.hotline.notify.policy;

import java.time.Duration;

/**
 * A provider's flow control as a token bucket shared by every relay: at most {@code perSecond}
 * messages a second on average, in bursts of at most one second's worth ({@link #capacity()}).
 * The bucket itself lives in the database (one row per {@code bucket} key, e.g. {@code sms:aliyun}),
 * so the limit holds across server instances; this class holds the rules around it.
 */
public record SendRate(String bucket, double perSecond) {
  private static final Duration SHORTEST_WAIT = Duration.ofMillis(10);
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(1);
  /** A bound on one claim's rows (and messages in flight per round), whatever the rate. */
  private static final int MOST_PER_CLAIM = 1000;

  public SendRate {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("a send rate must be a positive number per second, got " + perSecond);
    }
  }

  /** The most a full bucket holds: one second's worth, at least one message. */
  public double capacity() {
    return Math.max(1.0, perSecond);
  }

  /**
   * The most one claim takes from this channel: the relay's batch, or a quarter of a second's
   * worth if that is more. A relay round (claim, send, record) has a fixed cost of a few round
   * trips, and the claims of all relays take the bucket one after the other; at 2,000/s with a
   * batch of 100, ten claims a second would have to fit, which a loaded machine does not manage
   * (1,050/s measured). Four claims a second of a quarter second's worth each keep the rate.
   */
  public int claimSize(int batch) {
    return (int) Math.max(batch, Math.min(MOST_PER_CLAIM, Math.ceil(perSecond / 4)));
  }

  /** How many messages may be claimed now from a bucket holding {@code tokens}, at most {@code batch}. */
  public int allowance(double tokens, int batch) {
    return (int) Math.max(0, Math.min(batch, Math.floor(tokens)));
  }

  /**
   * How long a relay that was held back should wait before claiming again: until the bucket holds
   * a full claim ({@code batch} messages, or a full bucket if smaller), so relays claim in useful
   * batches rather than one message at a time; between 10 ms and 1 s.
   */
  public Duration waitAfter(double tokensLeft, int batch) {
    double wanted = Math.min(batch, capacity());
    double seconds = Math.max(0, wanted - tokensLeft) / perSecond;
    Duration wait = Duration.ofNanos((long) (seconds * 1e9));
    if (wait.compareTo(SHORTEST_WAIT) < 0) {
      return SHORTEST_WAIT;
    }
    return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
  }
}
