package org.open12345.hotline.ticket;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Ticket numbers read like {@code 20261127000123}: the local receipt date, then a six-digit
 * serial. The serial comes from a database sequence that cycles at 999999, so numbers are unique
 * unless one day receives a million tickets (Beijing's busiest days are ~90 thousand), and sort by
 * date. We take a non-transactional sequence rather than a per-day counter row because a counter
 * row would serialise every ticket insert behind one row lock.
 */
public final class TicketNumber {
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  public static final int SERIAL_DIGITS = 6;

  private TicketNumber() {}

  public static String format(LocalDate day, long serial) {
    if (serial < 0 || serial > 999_999) {
      throw new IllegalArgumentException("serial out of range: " + serial);
    }
    return DAY.format(day) + String.format("%06d", serial);
  }

  /** The date prefix that {@link #format} puts first; the SQL appends the serial. */
  public static String dayPrefix(LocalDate day) {
    return DAY.format(day);
  }

  public static boolean looksValid(String number) {
    return number != null && number.matches("\\d{8}\\d{" + SERIAL_DIGITS + "}");
  }
}
