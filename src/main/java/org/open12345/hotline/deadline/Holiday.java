package org.open12345.hotline.deadline;

import java.time.LocalDate;
import java.util.List;

/** One holiday of the State Council schedule: a range of days off and the weekend days worked for it. */
public record Holiday(String name, LocalDate from, LocalDate to, List<LocalDate> worked) {

  public Holiday {
    worked = List.copyOf(worked);
  }

  public boolean isOff(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }
}
