package org.open12345.hotline.routing;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routing decisions made before their ticket's transaction opened, waiting to be used by its
 * creation. A decision is used only for the same input (time of day to the minute: rule time
 * windows are in minutes), the same rule set and the same text model; otherwise creation decides
 * again. Each reading is used once (identical drafts read ahead twice are counted); drafts that never became tickets (a duplicate delivery) are
 * dropped when the map grows past {@link #MAX}, so it stays small.
 */
final class ReadAhead {
  static final int MAX = 4096;

  private record Key(RoutingInput input, boolean actOnText) {}

  /** @param waiting drafts with this input read ahead and not yet created */
  private record Decided(RuleSet set, TextModel model, RoutingDecision decision, int waiting) {}

  private final ConcurrentHashMap<Key, Decided> decided = new ConcurrentHashMap<>();

  void put(RoutingInput in, boolean actOnText, RuleSet set, TextModel model, RoutingDecision decision) {
    if (decided.size() >= MAX) {
      decided.clear();
    }
    decided.merge(key(in, actOnText), new Decided(set, model, decision, 1),
        (old, now) -> old.set() == set && old.model() == model
            ? new Decided(set, model, old.decision(), old.waiting() + 1) : now);
  }

  Optional<RoutingDecision> take(RoutingInput in, boolean actOnText, RuleSet set, TextModel model) {
    Decided[] taken = new Decided[1];
    decided.computeIfPresent(key(in, actOnText), (k, d) -> {
      taken[0] = d;
      return d.waiting() > 1 ? new Decided(d.set(), d.model(), d.decision(), d.waiting() - 1) : null;
    });
    Decided d = taken[0];
    return d != null && d.set() == set && d.model() == model ? Optional.of(d.decision()) : Optional.empty();
  }

  private static Key key(RoutingInput in, boolean actOnText) {
    RoutingInput minute = new RoutingInput(in.categoryCode(), in.type(), in.urgency(), in.description(), in.area(),
        in.channel(), in.calledNumber(), in.timeOfDay() == null ? null : in.timeOfDay().truncatedTo(ChronoUnit.MINUTES));
    return new Key(minute, actOnText);
  }
}
