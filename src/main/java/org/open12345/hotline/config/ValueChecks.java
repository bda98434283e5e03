package org.open12345.hotline.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** The checks config values must pass. Each returns null when the value is acceptable. */
final class ValueChecks {
  private ValueChecks() {}

  static ConfigKey.ValueCheck any() {
    return v -> null;
  }

  static ConfigKey.ValueCheck integer(long min, long max) {
    return v -> {
      try {
        long n = Long.parseLong(v.trim());
        return n < min || n > max ? "must be between " + min + " and " + max + ", got " + v : null;
      } catch (NumberFormatException e) {
        return "must be a whole number, got '" + v + "'";
      }
    };
  }

  static ConfigKey.ValueCheck bool() {
    return v -> Set.of("true", "false").contains(v.trim()) ? null : "must be true or false, got '" + v + "'";
  }

  static ConfigKey.ValueCheck zone() {
    return v -> {
      try {
        ZoneId.of(v.trim());
        return null;
      } catch (DateTimeException e) {
        return "must be a time zone such as Asia/Shanghai, got '" + v + "'";
      }
    };
  }

  static ConfigKey.ValueCheck duration() {
    return v -> {
      try {
        HotlineConfig.parseDuration(v);
        return null;
      } catch (DateTimeParseException e) {
        return "must be a duration such as 500ms... use 30s, 5m, 1h (got '" + v + "')";
      }
    };
  }

  /** A duration above zero: how long something is kept, where zero would mean "not at all". */
  static ConfigKey.ValueCheck positiveDuration() {
    return v -> {
      String problem = duration().problem(v);
      return problem != null ? problem
          : positive(HotlineConfig.parseDuration(v)) ? null : "must be longer than zero, got '" + v + "'";
    };
  }

  private static boolean positive(java.time.Duration d) {
    return !d.isNegative() && !d.isZero();
  }

  /** A span as the rule files write it: 30m, 48h, 15d (natural days), 5wd (working days). */
  static ConfigKey.ValueCheck span() {
    return v -> v.trim().toLowerCase(java.util.Locale.ROOT).matches("\\d{1,6}\\s*(m|min|h|d|wd)") ? null
        : "must be a span such as 48h, 15d or 5wd (working days), got '" + v + "'";
  }

  static ConfigKey.ValueCheck postgresUrlOrEmpty() {
    return v -> {
      String t = v.trim();
      if (t.isEmpty()) {
        return null;
      }
      if (!(t.startsWith("postgresql://") || t.startsWith("postgres://"))) {
        return "must look like postgresql://user:pass@host:port/db, or be empty for the embedded database";
      }
      try {
        java.net.URI uri = java.net.URI.create(t);
        return uri.getHost() == null ? "has no host: use postgresql://user:pass@host:port/db" : null;
      } catch (IllegalArgumentException e) {
        return "is not a valid URL: " + e.getMessage();
      }
    };
  }

  static ConfigKey.ValueCheck oneOf(String... allowed) {
    Set<String> set = Set.of(allowed);
    return v -> set.contains(v.trim()) ? null : "must be one of " + String.join(", ", allowed) + ", got '" + v + "'";
  }
}
