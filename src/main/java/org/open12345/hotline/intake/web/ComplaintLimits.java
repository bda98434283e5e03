package org.open12345.hotline.intake.web;

import java.time.Clock;
import java.time.Duration;

/**
 * The public complaint entry's spam limits (intake.web.*), one set per server process. The
 * feature builds this once and every HTTP verticle's routes share it: the buckets are
 * synchronized, so N event loops count against the same limits instead of multiplying them.
 */
public final class ComplaintLimits {
  private final TokenBuckets perIp;
  private final TokenBuckets perPhone;
  private final TokenBuckets lookups;

  public ComplaintLimits(ComplaintSettings settings, Clock clock) {
    this.perIp = new TokenBuckets(settings.submissionsPerIpPerHour(), Duration.ofHours(1), clock);
    this.perPhone = new TokenBuckets(settings.submissionsPerPhonePerDay(), Duration.ofDays(1), clock);
    this.lookups = new TokenBuckets(settings.lookupsPerIpPerHour(), Duration.ofHours(1), clock);
  }

  /** Takes a submission from the address and for the phone, or throws {@link RateLimited}. */
  public void takeSubmission(String ip, String phone) {
    if (!perIp.tryTake(ip)) {
      throw new RateLimited("提交过于频繁，请稍后再试（too many complaints from this address）",
          "submissions_per_ip_per_hour");
    }
    if (!perPhone.tryTake(phone)) {
      throw new RateLimited("该号码今日提交次数已达上限，请明日再试（too many complaints for this phone）",
          "submissions_per_phone_per_day");
    }
  }

  /**
   * Gives back what {@link #takeSubmission} took for a submission that stored nothing new: a copy
   * of one stored before, or one refused because its key was busy.
   */
  public void giveBackSubmission(String ip, String phone) {
    perIp.giveBack(ip);
    perPhone.giveBack(phone);
  }

  /** Takes a lookup from the address, or throws {@link RateLimited}. */
  public void takeLookup(String ip) {
    if (!lookups.tryTake(ip)) {
      throw new RateLimited("查询过于频繁，请稍后再试（too many lookups from this address）", null);
    }
  }
}
