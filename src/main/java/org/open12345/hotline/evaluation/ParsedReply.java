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
    TOO_LONG,
    NO_RATING,
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

  default boolean isRating() {
    return this instanceof Rating;
  }

  default Optional<RatingLevel> rating() {
    return this instanceof Rating r ? Optional.of(r.level()) : Optional.empty();
  }
}
