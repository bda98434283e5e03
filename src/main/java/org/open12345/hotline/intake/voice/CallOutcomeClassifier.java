package org.open12345.hotline.intake.voice;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.open12345.hotline.evaluation.RatingLevel;
import org.open12345.hotline.intake.voice.CallOutcome.Kind;

/**
 * Decides what a finished call becomes, from all events stored for its callId (any order).
 *
 * <ol>
 *   <li>no HANGUP or REPORT yet → IN_PROGRESS;
 *   <li>answered by an operator (an ANSWER event, an answer time in a report, or
 *       {@code normalClearing} with a named operator) and keypad digits that are exactly one of
 *       1-5 → CALL_RATING; other digits are noted and ignored → ANSWERED;
 *   <li>answered → ANSWERED (also after hours: a night-shift operator still counts);
 *   <li>not answered with a non-blank transcript → VOICEMAIL_TICKET (voicemail, after-hours IVR);
 *   <li>not answered, {@code forwarded} → NO_ACTION (another party has it);
 *   <li>not answered, outbound → NO_ACTION (a failed callback stays with the task that made it);
 *   <li>not answered, inbound or unknown direction, with a callable number → CALLBACK_TASK;
 *       withheld ({@code anonymous}) or missing number → NO_ACTION.
 * </ol>
 *
 * An IVR that "establishes" a call to record a voicemail reports {@code normalClearing} without
 * an operator; that is why normalClearing alone does not count as answered. Keypad digits on an
 * unanswered call are IVR menu choices, not a rating.
 */
public final class CallOutcomeClassifier {
  private CallOutcomeClassifier() {}

  public static CallOutcome classify(List<CallEvent> events) {
    if (events.stream().noneMatch(e -> e.event().ends())) {
      return new CallOutcome(Kind.IN_PROGRESS, null, null, "call not finished");
    }
    boolean answered = events.stream().anyMatch(CallOutcomeClassifier::showsOperatorAnswer);
    Optional<String> digits = lastNonBlank(events, CallEvent::keypadDigits);
    Optional<String> transcript = lastNonBlank(events, CallEvent::transcript);

    if (answered) {
      if (digits.isPresent()) {
        String d = digits.get().trim();
        Optional<RatingLevel> level =
            d.matches("[1-5]") ? RatingLevel.ofCode(d.charAt(0) - '0') : Optional.empty();
        if (level.isPresent()) {
          return new CallOutcome(
              Kind.CALL_RATING, level.get(), null, "keypad rating " + d + " after an answered call");
        }
        return new CallOutcome(
            Kind.ANSWERED, null, null, "answered; keypad digits '" + d + "' are not a rating 1-5");
      }
      return new CallOutcome(Kind.ANSWERED, null, null, "answered by an operator");
    }
    if (transcript.isPresent()) {
      return new CallOutcome(
          Kind.VOICEMAIL_TICKET, null, transcript.get(), "not answered; caller left a message");
    }
    if (events.stream().anyMatch(e -> "forwarded".equals(e.cause()))) {
      return new CallOutcome(Kind.NO_ACTION, null, null, "forwarded to another party");
    }
    CallDirection direction =
        events.stream()
            .map(CallEvent::direction)
            .filter(d -> d != CallDirection.UNKNOWN)
            .findFirst()
            .orElse(CallDirection.UNKNOWN);
    if (direction == CallDirection.OUT) {
      return new CallOutcome(Kind.NO_ACTION, null, null, "outbound call not answered");
    }
    Optional<String> from = lastNonBlank(events, CallEvent::from);
    if (from.isEmpty() || !from.get().matches("\\+?\\d{3,}")) {
      return new CallOutcome(
          Kind.NO_ACTION, null, null, "abandoned, but the caller's number is withheld");
    }
    return new CallOutcome(
        Kind.CALLBACK_TASK, null, null, "abandoned inbound call from " + from.get() + " without a message");
  }

  private static boolean showsOperatorAnswer(CallEvent e) {
    return e.event() == CallEventType.ANSWER
        || e.answeredAt() != null
        || ("normalClearing".equals(e.cause()) && e.agent() != null);
  }

  private static Optional<String> lastNonBlank(
      List<CallEvent> events, java.util.function.Function<CallEvent, String> field) {
    String found = null;
    Instant latest = null;
    for (CallEvent e : events) {
      String v = field.apply(e);
      if (v != null && !v.isBlank() && (latest == null || !e.at().isBefore(latest))) {
        found = v;
        latest = e.at();
      }
    }
    return Optional.ofNullable(found);
  }
}
