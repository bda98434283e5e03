package org.open12345.hotline.intake.sms;

import java.time.Instant;
import java.util.Optional;
import org.open12345.hotline.evaluation.ParsedReply;
import org.open12345.hotline.evaluation.RatingPrompt;
import org.open12345.hotline.evaluation.SmsReplyParser;
import org.open12345.hotline.followup.FollowUpReplyParser;
import org.open12345.hotline.followup.FollowUpRepository.OpenQuestion;
import org.open12345.hotline.followup.FollowUpResult;

/**
 * A citizen SMS read once by both reply parsers, and the rules that decide, from what its phone
 * was last asked (the latest rating prompt, the open follow-up question), what it becomes (see
 * {@link InboundSmsHandler} for the list). Plain Java: the handler reads the phone's records and
 * carries the route out.
 *
 * <p>Only the records that can change the route are read ({@link #lookups()}): every statement
 * costs PostgreSQL CPU, and most texts are requests, which a prompt never turns into a rating.
 */
final class SmsReading {
  /** Which of the phone's records can change what the text becomes. */
  enum Lookups {
    /**
     * None: too long for either reply, so a new ticket whatever the phone was asked. (A text of
     * more than {@value SmsReplyParser#MAX_CHARS} characters can still be a follow-up answer when
     * most of it is punctuation; such a text is not in this case.)
     */
    NONE,
    /**
     * The open follow-up question, then the latest prompt only if a question is open. A text that
     * reads as a request is a ticket after a prompt, open or expired; the prompt only tells whether
     * a question is newer, and then the question decides.
     */
    QUESTION_FIRST,
    /** Both: a rating, or a short text that is no clear answer, depends on each. */
    BOTH
  }

  /** What the SMS becomes. */
  enum Route {
    /** A new ticket. */
    TICKET,
    /** The answer to the open follow-up question. */
    FOLLOW_UP,
    /** Kept for a person: the newest question is the follow-up, and the text answers it unclearly. */
    FOLLOW_UP_UNPARSED,
    /** The rating of the open prompt (or a later duplicate of it). */
    RATING,
    /** A rating after the prompt expired: kept, not counted. */
    RATING_LATE,
    /** Kept for a person: the prompt is open, and the text is no clear rating and no request. */
    RATING_UNPARSED
  }

  private final ParsedReply rating;
  private final Optional<FollowUpResult> followUp;

  private SmsReading(ParsedReply rating, Optional<FollowUpResult> followUp) {
    this.rating = rating;
    this.followUp = followUp;
  }

  static SmsReading of(String text) {
    return new SmsReading(SmsReplyParser.parse(text), FollowUpReplyParser.parse(text));
  }

  /** The text as an answer to a rating prompt. */
  ParsedReply rating() {
    return rating;
  }

  /** The text as an answer to the follow-up question. */
  Optional<FollowUpResult> followUp() {
    return followUp;
  }

  private boolean tooLong() {
    return rating instanceof ParsedReply.Unparsed u && u.reason() == ParsedReply.Reason.TOO_LONG;
  }

  Lookups lookups() {
    if (!rating.isRequest()) {
      return Lookups.BOTH;
    }
    return tooLong() && followUp.isEmpty() ? Lookups.NONE : Lookups.QUESTION_FIRST;
  }

  /**
   * @param prompt the phone's latest rating prompt, open or not
   * @param question the phone's newest open follow-up question
   */
  Route route(Optional<RatingPrompt> prompt, Optional<OpenQuestion> question, Instant now) {
    boolean questionIsNewest = question.isPresent()
        && prompt.map(p -> !question.get().askedAt().isBefore(p.sentAt())).orElse(true);
    if (questionIsNewest) {
      if (followUp.isPresent()) {
        return Route.FOLLOW_UP;
      }
      return tooLong() ? Route.TICKET : Route.FOLLOW_UP_UNPARSED;
    }
    if (prompt.isEmpty()) {
      return Route.TICKET;
    }
    boolean open = prompt.get().openAt(now);
    if (rating instanceof ParsedReply.Rating) {
      return open ? Route.RATING : Route.RATING_LATE;
    }
    return open && !rating.isRequest() ? Route.RATING_UNPARSED : Route.TICKET;
  }
}
