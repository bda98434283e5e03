package org.open12345.hotline.intake.voice;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** One call as its events describe it: the latest non-blank value of each field wins. */
record CallSummary(String from, String to, CallDirection direction, boolean answered, String agent,
    String recordingUrl, String transcript, String digits, Instant startedAt, Instant endedAt) {

  static CallSummary of(List<CallEvent> events) {
    List<CallEvent> byTime = events.stream().sorted(Comparator.comparing(CallEvent::at)).toList();
    CallDirection direction = byTime.stream().map(CallEvent::direction).filter(d -> d != CallDirection.UNKNOWN)
        .findFirst().orElse(CallDirection.UNKNOWN);
    Instant started = byTime.isEmpty() ? null : byTime.get(0).at();
    Instant ended = byTime.stream().filter(e -> e.event().ends()).map(CallEvent::at).max(Comparator.naturalOrder())
        .orElse(null);
    return new CallSummary(last(byTime, CallEvent::from), last(byTime, CallEvent::to), direction,
        byTime.stream().anyMatch(e -> e.answeredAt() != null || e.event() == CallEventType.ANSWER),
        last(byTime, CallEvent::agent), last(byTime, CallEvent::recordingUrl), last(byTime, CallEvent::transcript),
        last(byTime, CallEvent::keypadDigits), started, ended);
  }

  private static String last(List<CallEvent> events, Function<CallEvent, String> field) {
    String found = null;
    for (CallEvent e : events) {
      String v = field.apply(e);
      if (v != null && !v.isBlank()) {
        found = v;
      }
    }
    return found;
  }
}
