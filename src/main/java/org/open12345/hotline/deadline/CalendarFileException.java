package org.open12345.hotline.deadline;

/** A calendar file that cannot be trusted; the message reads {@code file:line: what is wrong}. */
public class CalendarFileException extends RuntimeException {

  public CalendarFileException(String message) {
    super(message);
  }
}
