package org.open12345.hotline.intake.voice;

import java.util.Objects;
import org.open12345.hotline.evaluation.RatingLevel;

/**
 * What a call becomes once it is over.
 *
 * @param kind the decision
 * @param rating the keypad rating, only for {@link Kind#CALL_RATING}
 * @param transcript the text a voicemail ticket is made from, only for
 *     {@link Kind#VOICEMAIL_TICKET}
 * @param reason one line for the call log explaining the decision
 */
public record CallOutcome(Kind kind, RatingLevel rating, String transcript, String reason) {

  public enum Kind {
    /** No hang-up or report yet. */
    IN_PROGRESS,
    /** An operator took the call; any ticket is the one the operator records (linked by callId). */
    ANSWERED,
    /** Nobody answered but the caller left a message: the transcript becomes a ticket. */
    VOICEMAIL_TICKET,
    /** Abandoned inbound call without a message: operators call back (回拨). */
    CALLBACK_TASK,
    /** An answered call followed by a keypad rating 1-5 (一次一评). */
    CALL_RATING,
    /** Nothing to do: an unanswered outbound call, a withheld number, a forwarded call. */
    NO_ACTION
  }

  public CallOutcome {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }
}
