package org.open12345.hotline.notify;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.open12345.hotline.notify.policy.QuietHours;
import org.open12345.hotline.notify.policy.RetryBackoff;
import org.open12345.hotline.notify.template.MessageTemplates;

/**
 * The outbox's rules read from the {@code messaging} section: {@code retry},
 * {@code citizenSms} (quiet hours, the kinds they do not hold, the per-phone cap) and
 * {@code templates}. Every key is optional; the defaults are the
 * policies' {@code DEFAULT}s.
 */
public record DeliveryPolicies(RetryBackoff retry, CitizenSmsSlot citizenSms) {

  public static DeliveryPolicies from(JsonObject messaging) {
    ConfigSection root = new ConfigSection("messaging", messaging);
    ConfigSection retry = root.section("retry");
    RetryBackoff backoff;
    try {
      backoff = new RetryBackoff(
          Duration.ofSeconds(retry.integer("baseSeconds", (int) RetryBackoff.DEFAULT.base().toSeconds())),
          Duration.ofSeconds(retry.integer("capSeconds", (int) RetryBackoff.DEFAULT.cap().toSeconds())),
          retry.integer("maxAttempts", RetryBackoff.DEFAULT.maxAttempts()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(retry.path() + ": " + e.getMessage(), e);
    }

    ConfigSection sms = root.section("citizenSms");
    ConfigSection quiet = sms.section("quietHours");
    QuietHours quietHours;
    try {
      quietHours = new QuietHours(
          LocalTime.parse(quiet.string("start", QuietHours.DEFAULT.start().toString())),
          LocalTime.parse(quiet.string("end", QuietHours.DEFAULT.end().toString())),
          ZoneId.of(quiet.string("zone", QuietHours.DEFAULT.zone().getId())));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          quiet.path() + ": start/end must be HH:MM (quoted) and zone a region like Asia/Shanghai: "
              + e.getMessage(), e);
    }
    int cap = sms.integer("maxPerPhonePerHour", 5);
    if (cap < 0) {
      throw new IllegalArgumentException(sms.path() + ".maxPerPhonePerHour cannot be negative: " + cap);
    }
    java.util.Set<String> atOnce = quiet.has("atOnceKinds")
        ? new java.util.LinkedHashSet<>(quiet.listOrCommaSeparated("atOnceKinds")) : CitizenSmsSlot.AT_ONCE;
    return new DeliveryPolicies(backoff, new CitizenSmsSlot(quietHours, cap, atOnce));
  }

  /** {@code messaging.templates.dir} when set (edited copies win), else the shipped defaults. */
  public static MessageTemplates templates(JsonObject messaging) {
    String dir = new ConfigSection("messaging", messaging).section("templates").string("dir", null);
    return dir == null || dir.isBlank() ? MessageTemplates.defaults() : MessageTemplates.withOverrides(Path.of(dir));
  }
}
