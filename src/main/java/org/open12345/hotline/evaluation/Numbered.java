package org.open12345.hotline.evaluation;

import java.util.List;
import java.util.Map;

/** Ratings or cases with the numbers of their tickets (the ticket feature owns them). */
public record Numbered<T>(List<T> items, Map<Long, String> numbers) {

  public String numberOf(Long ticketId) {
    return ticketId == null ? null : numbers.get(ticketId);
  }
}
