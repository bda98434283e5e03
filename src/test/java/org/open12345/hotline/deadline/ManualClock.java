package org.open12345.hotline.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock the test moves by hand: simulated time, no sleeping. */
public final class ManualClock extends Clock {

  private volatile Instant now;

  public ManualClock(Instant start) {
    this.now = start;
  }

  public void set(Instant instant) {
    this.now = instant;
  }

  public void advance(Duration d) {
    this.now = now.plus(d);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return DeadlineCalculator.CHINA;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the simulated clock stays in Asia/Shanghai");
  }
}
