package org.open12345.hotline.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;


/** Query parameters checked with a 400 that names the parameter. */
public final class QueryParams {
  private QueryParams() {}

  public static int integer(String v, String name, int dflt, int min, int max) {
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw ApiException.badField(name, "must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badField(name, "must be a whole number");
    }
  }

  /** {@code true} or {@code false}; null when absent. */
  public static Boolean bool(String v, String name) {
    if (v == null) {
      return null;
    }
    return switch (v) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw ApiException.badField(name, "must be true or false");
    };
  }

  /** A local date (yyyy-MM-dd) as the start of that day plus {@code plusDays}; null when absent. */
  public static Instant day(String v, String name, int plusDays, ZoneId zone) {
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v).plusDays(plusDays).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badField(name, "must be a date like 2026-11-27");
    }
  }
}
