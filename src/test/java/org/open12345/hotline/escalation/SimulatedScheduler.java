package org.open12345.hotline.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.open12345.hotline.deadline.ManualClock;
import org.open12345.hotline.deadline.TicketDeadlines;

/**
 * Plays the database scheduler over simulated time: fires each due step once by its key, oldest
 * first, re-planning after every change of the ticket, as the real one will.
 */
final class SimulatedScheduler {

  record Fired(String key, Instant at, PlannedStep step) {
    @Override
    public String toString() {
      return key + " @ " + at;
    }
  }

  private final ManualClock clock;
  private final EscalationLadder ladder;
  private final Set<String> firedKeys = new HashSet<>();
  final List<Fired> fired = new ArrayList<>();
  TicketDeadlines ticket;

  SimulatedScheduler(ManualClock clock, EscalationLadder ladder, TicketDeadlines ticket) {
    this.clock = clock;
    this.ladder = ladder;
    this.ticket = ticket;
  }

  /** Advances simulated time to {@code t}, firing every step that falls due on the way. */
  void runUntil(Instant t) {
    while (true) {
      Optional<PlannedStep> next =
          ladder.plan(ticket).steps().stream()
              .filter(s -> !firedKeys.contains(s.key()) && !s.dueAt().isAfter(t))
              .findFirst();
      if (next.isEmpty()) {
        break;
      }
      PlannedStep s = next.get();
      Instant at = s.dueAt().isAfter(clock.instant()) ? s.dueAt() : clock.instant();
      clock.set(at);
      firedKeys.add(s.key());
      fired.add(new Fired(s.key(), at, s));
    }
    if (t.isAfter(clock.instant())) {
      clock.set(t);
    }
  }

  List<String> firedLog() {
    return fired.stream().map(Fired::toString).toList();
  }
}
