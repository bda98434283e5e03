package org.open12345.hotline.intake.web;

import org.open12345.hotline.config.HotlineConfig;

/** Limits of the public complaint entry; a limit of 0 is switched off. */
public record ComplaintSettings(int submissionsPerIpPerHour, int submissionsPerPhonePerDay, int lookupsPerIpPerHour,
    int maxDescriptionChars, int maxUrls) {

  public static ComplaintSettings from(HotlineConfig c) {
    return new ComplaintSettings(c.integer("intake.web.submissions_per_ip_per_hour"),
        c.integer("intake.web.submissions_per_phone_per_day"), c.integer("intake.web.lookups_per_ip_per_hour"),
        c.integer("intake.web.max_description_chars"), c.integer("intake.web.max_urls"));
  }
}
