package org.open12345.hotline.ticket;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TicketNumberTest {
  @Test
  void dateThenSixDigitSerial() {
    assertEquals("20261127000123", TicketNumber.format(LocalDate.of(2026, 11, 27), 123));
    assertTrue(TicketNumber.looksValid("20261127000123"));
    assertFalse(TicketNumber.looksValid("2026112700012"));
    assertFalse(TicketNumber.looksValid("2026112700012x"));
  }

  @Test
  void numbersSortByDate() {
    String late = TicketNumber.format(LocalDate.of(2026, 11, 27), 999_999);
    String nextDay = TicketNumber.format(LocalDate.of(2026, 11, 28), 1);
    assertTrue(late.compareTo(nextDay) < 0);
  }

  @Test
  void serialOutOfRangeIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> TicketNumber.format(LocalDate.of(2026, 1, 1), 1_000_000));
  }
}
