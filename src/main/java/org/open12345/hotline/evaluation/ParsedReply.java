package org.open12345.hotline.evaluation;

import java.util.Objects;
import java.util.Optional;

/** What {@link SmsReplyParser} made of a citizen's reply: a rating, or an honest "unparsed". */
public sealed interface ParsedReply permits ParsedReply.Rating, ParsedReply.Unparsed {

  /** How sure the parser is; MEDIUM replies are worth showing to a person. */
  enum Confidence {
    /** The reply is only the rating (digit, numeral or word), maybe with punctuation. */
    HIGH,
    /** The rating was found among other text, or through a colloquial synonym (很满意). */
    MEDIUM
  }

  enum Reason {
    EMPTY,
    /** Longer than a reply: a new request. */
    TOO_LONG,
    /** No rating in it, and it reads as a request (a place with a number, or a sentence): a new ticket. */
    REQUEST,
    NO_RATING,
    /** The only rating is a lone digit among other words: a person settles it. */
    BARE_DIGIT,
    OUT_OF_RANGE,
    AMBIGUOUS_NUMBER,
    CONFLICTING,
    HEDGED
  }

  record Rating(RatingLevel level, String matched, Confidence confidence) implements ParsedReply {
    public Rating {
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(matched, "matched");
      Objects.requireNonNull(confidence, "confidence");
    }
  }

  record Unparsed(Reason reason, String detail) implements ParsedReply {
    public Unparsed {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** Whether the reply reads as a new request rather than an answer (the SMS becomes a ticket). */
  default boolean isRequest() {
    return this instanceof Unparsed u && (u.reason() == Reason.TOO_LONG || u.reason() == Reason.REQUEST);
  }

  default boolean isRating() {
    return this instanceof Rating;
  }

  default Optional<RatingLevel> rating() {
    return this instanceof Rating r ? Optional.of(r.level()) : Optional.empty();
  }
}
