package org.open12345.hotline.console;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.evaluation.RatingService;
import org.open12345.hotline.evaluation.StoredRating;
import org.open12345.hotline.intake.voice.CallerService;
import org.open12345.hotline.ticket.Ticket;

/**
 * What the operator's desk shows about a caller (the screen pop, or a search by number): open
 * tickets with their countdowns, past tickets, the ratings the caller gave on the latest ended
 * ones, and open callback tasks (回拨) for the number.
 */
final class CallerPanel {
  /** Ratings of this many latest ended tickets: enough for "how did it go last time". */
  private static final int RATED_TICKETS = 3;
  private final CallerService callers;
  private final RatingService ratings;
  private final TicketRows rows;
  private final ConsoleTime time;

  CallerPanel(CallerService callers, RatingService ratings, TicketRows rows, ConsoleTime time) {
    this.callers = callers;
    this.ratings = ratings;
    this.rows = rows;
    this.time = time;
  }

  /** @param phone normalized ({@code PhoneNumbers.normalize}) */
  Future<Map<String, Object>> of(String phone, Actor viewer) {
    return callers.caller(phone).compose(c -> {
      List<Ticket> open = c.tickets().stream().filter(t -> !t.status().terminal()).toList();
      List<Ticket> past = c.tickets().stream().filter(t -> t.status().terminal()).toList();
      Future<List<Map<String, Object>>> openRows = rows.of(open, viewer);
      Future<List<Map<String, Object>>> pastRows = rows.of(past, viewer);
      Future<List<Map<String, Object>>> rated = lastRatings(past, viewer);
      return Future.all(openRows, pastRows, rated).map(v -> {
        Map<String, Object> m = new HashMap<>();
        m.put("phone", phone);
        m.put("open", openRows.result());
        m.put("past", pastRows.result());
        m.put("ratings", rated.result());
        m.put("tasks", c.openTasks().stream().map(k -> Map.<String, Object>of("id", k.id(),
            "created", time.format(k.createdAt()), "hotline", k.hotlineNumber() == null ? "" : k.hotlineNumber()))
            .toList());
        m.put("calls", c.calls().size());
        return m;
      });
    });
  }

  private Future<List<Map<String, Object>>> lastRatings(List<Ticket> past, Actor viewer) {
    List<Future<RatingService.TicketRatings>> parts = new ArrayList<>();
    past.stream().limit(RATED_TICKETS).forEach(t -> parts.add(ratings.ofTicket(t.number(), viewer)));
    return Future.all(parts).map(all -> {
      List<Map<String, Object>> out = new ArrayList<>();
      parts.forEach(p -> p.result().ratings().stream().filter(r -> "counted".equals(r.status()))
          .forEach(r -> out.add(rating(p.result().ticket().number(), r))));
      return out;
    });
  }

  private Map<String, Object> rating(String number, StoredRating r) {
    return Map.of("number", number, "level", r.level().label(), "bad", r.level().isBad(),
        "source", r.source(), "at", time.format(r.createdAt()), "excluded", r.excludedAt() != null);
  }
}
