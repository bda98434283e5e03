package org.open12345.hotline.notify.policy;

import java.time.Instant;
import java.util.Collection;

/**
 * When an SMS to a citizen may go out: after the per-phone cap allows it, then outside quiet
 * hours. One pass suffices: moving later only lets earlier sends age out of the cap's hour.
 */
public record CitizenSmsCourtesy(QuietHours quietHours, HourlyCap cap) {

  public static final CitizenSmsCourtesy DEFAULT = new CitizenSmsCourtesy(QuietHours.DEFAULT, HourlyCap.DEFAULT);

  public Instant earliestSend(Instant now, Collection<Instant> recentSendsToPhone) {
    return quietHours.allowedFrom(cap.nextAllowed(now, recentSendsToPhone));
  }
}
