package org.open12345.hotline.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.open12345.hotline.notify.policy.QuietHours;

/**
 * When a new SMS to a citizen may go out, given the SMS to that phone already sent or scheduled.
 *
 * <p>Scheduled ones count too: ten messages held back by quiet hours must not all leave at 08:00.
 * The rule is: outside quiet hours, and fewer than {@code maxPerHour} other SMS within one hour
 * either side. That keeps every sliding hour at or under the cap (any hour holding the new SMS
 * holds only SMS within an hour of it), at the price of sometimes waiting a little longer than a
 * tighter packing would. Kinds in {@code atOnceKinds} skip both rules (see {@link #atOnce}).
 */
public record CitizenSmsSlot(QuietHours quietHours, int maxPerHour, Set<String> atOnceKinds) {
  private static final Duration HOUR = Duration.ofHours(1);
  /**
   * The answers to a citizen's own contact: the acknowledgement (with its query code) and the
   * emergency advice. GB/T 33358 expects the acknowledgement within minutes, at any hour.
   */
  public static final Set<String> AT_ONCE = Set.of("ticket-ack", "query-code", "emergency-advice");

  public CitizenSmsSlot {
    atOnceKinds = Set.copyOf(atOnceKinds);
  }

  public CitizenSmsSlot(QuietHours quietHours, int maxPerHour) {
    this(quietHours, maxPerHour, AT_ONCE);
  }

  /**
   * Whether SMS of this kind go out at once, at any hour and whatever the hourly cap: they answer
   * something the citizen has just done. They still count towards the cap of the other SMS.
   */
  public boolean atOnce(String kind) {
    return atOnceKinds.contains(kind);
  }

  public Instant earliest(Instant now, Collection<Instant> planned) {
    List<Instant> candidates = new ArrayList<>();
    candidates.add(now);
    for (Instant p : planned) {
      candidates.add(p.plus(HOUR));
    }
    candidates.sort(null);
    for (Instant c : candidates) {
      if (c.isBefore(now)) {
        continue;
      }
      Instant t = quietHours.allowedFrom(c);
      if (maxPerHour == 0 || nearby(t, planned) < maxPerHour) {
        return t;
      }
    }
    // Unreachable with a positive cap (the last candidate is clear of every planned SMS), kept total.
    Instant last = candidates.get(candidates.size() - 1);
    return quietHours.allowedFrom(last);
  }

  private static long nearby(Instant t, Collection<Instant> planned) {
    return planned.stream().filter(p -> Duration.between(p, t).abs().compareTo(HOUR) < 0).count();
  }
}
