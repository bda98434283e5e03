package org.open12345.hotline.notify.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * At most {@code maxPerHour} SMS to one phone in any sliding hour, so a burst of ticket changes
 * does not flood a citizen (and does not trip the providers' own per-number limits, which fail
 * the message instead of delaying it). {@code 0} means no cap.
 */
public record HourlyCap(int maxPerHour) {

  public static final HourlyCap DEFAULT = new HourlyCap(5);
  private static final Duration WINDOW = Duration.ofHours(1);

  public HourlyCap {
    if (maxPerHour < 0) {
      throw new IllegalArgumentException("SMS per phone per hour cannot be negative: " + maxPerHour);
    }
  }

  /**
   * The earliest time from {@code now} on at which one more SMS may go to the phone.
   *
   * @param recentSends when earlier SMS to this phone went out; only those in the hour before
   *     {@code now} matter, later or older ones are ignored
   */
  public Instant nextAllowed(Instant now, Collection<Instant> recentSends) {
    if (maxPerHour == 0) {
      return now;
    }
    Instant windowStart = now.minus(WINDOW);
    List<Instant> inWindow = recentSends.stream()
        .filter(sent -> sent.isAfter(windowStart) && !sent.isAfter(now))
        .sorted()
        .toList();
    if (inWindow.size() < maxPerHour) {
      return now;
    }
    // Once this send is an hour old, the window holds maxPerHour - 1 sends.
    return inWindow.get(inWindow.size() - maxPerHour).plus(WINDOW);
  }
}
