package org.open12345.hotline.intake.sms;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.db.ClaimsAtEnd;
import org.open12345.hotline.evaluation.NewRating;
import org.open12345.hotline.evaluation.OptOutReply;
import org.open12345.hotline.evaluation.ParsedReply;
import org.open12345.hotline.evaluation.RatingLevel;
import org.open12345.hotline.evaluation.RatingPrompt;
import org.open12345.hotline.evaluation.RatingOptOuts;
import org.open12345.hotline.evaluation.RatingPromptService;
import org.open12345.hotline.evaluation.RatingService;
import org.open12345.hotline.followup.FollowUpRepository.OpenQuestion;
import org.open12345.hotline.followup.FollowUpResult;
import org.open12345.hotline.followup.FollowUps;
import org.open12345.hotline.intake.EmergencyTransfers;
import org.open12345.hotline.intake.IntakeTickets;
import org.open12345.hotline.ticket.Channel;
import org.open12345.hotline.ticket.NewTicket;
import org.open12345.hotline.ticket.RequestType;

/**
 * Decides what one citizen SMS becomes, in one transaction that claims its provider id (first,
 * or, for a request that becomes a ticket in a group-commit batch, with the ticket's rows at the
 * batch's end):
 *
 * <ol>
 *   <li>id already claimed → nothing (a retry; the caller answers the same acknowledgement);
 *   <li>names an emergency → emergency transfer and robot alert, no ticket;
 *   <li>「退订」, 「TD」 or 「T」 → the phone gets no more rating prompts ({@code opt_out}), at once;
 *   <li>the phone's follow-up question (回访, 「1已解决 2未解决」) is open and newer than its latest
 *       rating prompt: a clear answer → the follow-up's result (the ticket closes or is
 *       reopened); a short text that is not one → {@code unparsed}, no guess; a long one → a new
 *       ticket;
 *   <li>the phone's latest rating prompt is open and the text parses as a rating → the rating
 *       (a second, later answer to the same prompt is kept as {@code duplicate});
 *   <li>open prompt, text reads as a request ({@code 1号楼的路灯又坏了}, or longer than a reply) →
 *       a new ticket: a number inside a sentence is never a rating;
 *   <li>open prompt, text is no clear rating ({@code 不太满意}, a lone digit among other words) →
 *       kept as {@code unparsed} for a person to settle ({@code POST /api/inbound/{id}/settle}),
 *       out of every figure until then, no guess;
 *   <li>prompt expired and the text parses as a rating → kept as a {@code late} rating that does
 *       not count, no ticket (a "满意" is never a new matter);
 *   <li>anything else → a new ticket (channel SMS) and its acknowledgement SMS.
 * </ol>
 *
 * The phone's prompt and question are read only when they can change the outcome
 * ({@link SmsReading#lookups()}), and the outcome row is written at the end of the group-commit
 * batch with the other messages' ({@link InboundMessageRepository}): each statement costs
 * PostgreSQL CPU (issue 15).
 */
public final class InboundSmsHandler {
  /** What happened to a message. */
  public enum Outcome {
    DUPLICATE_DELIVERY, TICKET, RATING, RATING_DUPLICATE, RATING_LATE, UNPARSED, EMERGENCY, FOLLOW_UP, OPT_OUT
  }

  private final InboundMessageRepository messages;
  private final IntakeTickets tickets;
  private final RatingService ratings;
  private final RatingPromptService prompts;
  private final EmergencyTransfers emergencies;
  private final RatingOptOuts optOuts;
  private final FollowUps followUps;
  private final Clock clock;

  public InboundSmsHandler(InboundMessageRepository messages, IntakeTickets tickets,
      RatingService ratings, RatingPromptService prompts, EmergencyTransfers emergencies, RatingOptOuts optOuts,
      FollowUps followUps,
      Clock clock) {
    this.messages = messages;
    this.tickets = tickets;
    this.ratings = ratings;
    this.prompts = prompts;
    this.emergencies = emergencies;
    this.optOuts = optOuts;
    this.followUps = followUps;
    this.clock = clock;
  }

  public Future<Outcome> handle(InboundSms sms) {
    var emergency = emergencies.detect(sms.text());
    if (emergency.isPresent()) {
      return tickets.inTransaction(tx -> claim(tx, sms).compose(claimed -> unlessDuplicate(claimed,
          id -> emergencies.fromSms(tx, id, sms.phone(), sms.text(), emergency.get())
              .compose(transfer -> mark(tx, id, Outcome.EMERGENCY, "transfer " + emergency.get().number()
                  + " (" + emergency.get().word() + ")", null, null, null)))));
    }
    if (OptOutReply.isOptOut(sms.text())) {
      return tickets.inTransaction(tx -> claim(tx, sms).compose(claimed -> unlessDuplicate(claimed,
          id -> optOuts.optOutBySms(tx, sms.phone(), id, sms.text())
              .compose(v -> mark(tx, id, Outcome.OPT_OUT, "rating prompts stopped (退订)", null, null, null)))));
    }
    SmsReading reading = SmsReading.of(sms.text());
    // Most texts that are no rating become tickets: their free text is read before the transaction.
    if (!reading.rating().isRating()) {
      tickets.readAhead(draft(sms.phone(), sms.text(), sms.destination()), Actor.SYSTEM);
    }
    return tickets.inTransaction(tx -> switch (reading.lookups()) {
      case NONE, QUESTION_FIRST -> request(tx, sms, reading);
      case BOTH -> {
        // The lookups do not depend on the claim: all go out together (pipelined, run in this
        // order); for a repeated delivery the looked-up prompt and question are simply not used.
        Future<Long> claimed = claim(tx, sms);
        Future<Optional<RatingPrompt>> prompt = prompts.latestFor(tx, sms.phone());
        Future<Optional<OpenQuestion>> question = followUps.openQuestionOf(tx, sms.phone());
        yield Future.all(claimed, prompt, question).compose(v -> unlessDuplicate(claimed.result(),
            id -> act(tx, id, sms, reading, prompt.result(), question.result())));
      }
    });
  }

  /**
   * A text that reads as a request: a ticket, unless the phone's follow-up question is open (rare;
   * read only for a short text, which could answer it), and then the prompt is read too. In a
   * group-commit batch the claim of a message that becomes a ticket is written with the ticket's
   * rows at the batch's end ({@link ClaimsAtEnd}): for a long text nothing is then asked first,
   * and the batch waits for PostgreSQL once.
   */
  private Future<Outcome> request(SqlConnection tx, InboundSms sms, SmsReading reading) {
    return switch (ClaimsAtEnd.of(tx, List.of(sms.provider(), sms.providerMessageId()))) {
      case TAKEN_IN_BATCH -> Future.succeededFuture(Outcome.DUPLICATE_DELIVERY);
      case AT_END -> {
        // The row's id goes out with the question's read: drawn after it (when the lane has none
        // drawn ahead), it would make the batch wait once more. Unused if a question is open.
        Future<Long> id = messages.nextId(tx);
        Future<Optional<OpenQuestion>> question = questionOf(tx, sms, reading);
        yield Future.all(id, question).compose(v -> question.result().isEmpty()
            ? newTicket(tx, id.result(), sms, true)
            // the text may answer the question: claimed now after all, as the other outcomes update the claim
            : claim(tx, sms).compose(claimed -> unlessDuplicate(claimed,
                claimedId -> answerOrTicket(tx, claimedId, sms, reading, question.result()))));
      }
      case FIRST -> {
        Future<Long> claimed = claim(tx, sms);
        Future<Optional<OpenQuestion>> question = questionOf(tx, sms, reading);
        yield Future.all(claimed, question).compose(v -> unlessDuplicate(claimed.result(),
            id -> answerOrTicket(tx, id, sms, reading, question.result())));
      }
    };
  }

  /** The phone's open follow-up question, when the text could answer it; else none. */
  private Future<Optional<OpenQuestion>> questionOf(SqlConnection tx, InboundSms sms, SmsReading reading) {
    return reading.lookups() == SmsReading.Lookups.QUESTION_FIRST
        ? followUps.openQuestionOf(tx, sms.phone())
        : Future.succeededFuture(Optional.empty());
  }

  /** A request whose question was read: a ticket when none is open, else the latest prompt decides too. */
  private Future<Outcome> answerOrTicket(SqlConnection tx, long id, InboundSms sms, SmsReading reading,
      Optional<OpenQuestion> question) {
    if (question.isEmpty()) {
      return act(tx, id, sms, reading, Optional.empty(), Optional.empty());
    }
    return prompts.peekLatestFor(tx, sms.phone()).compose(p -> act(tx, id, sms, reading, p, question));
  }

  /** The claim: the new row's id, or null when this provider message was already stored. */
  private Future<Long> claim(SqlConnection tx, InboundSms sms) {
    return messages.claim(tx, sms, clock.instant());
  }

  /** A claim's answer: a repeated delivery when it is null, else what {@code then} makes of the new row's id. */
  private static Future<Outcome> unlessDuplicate(Long claimed, Function<Long, Future<Outcome>> then) {
    return claimed == null ? Future.succeededFuture(Outcome.DUPLICATE_DELIVERY) : then.apply(claimed);
  }

  /** Carries out what {@link SmsReading#route} decides. */
  private Future<Outcome> act(SqlConnection tx, long id, InboundSms sms, SmsReading reading,
      Optional<RatingPrompt> prompt, Optional<OpenQuestion> question) {
    return switch (reading.route(prompt, question, clock.instant())) {
      case TICKET -> newTicket(tx, id, sms, false);
      case FOLLOW_UP -> answer(tx, id, question.get(), reading.followUp().get());
      case FOLLOW_UP_UNPARSED -> mark(tx, id, Outcome.UNPARSED, "not a clear answer to the follow-up question of "
          + "ticket " + question.get().ticketNumber(), question.get().ticketId(), null, null);
      case RATING -> rate(tx, id, sms, prompt.get(), (ParsedReply.Rating) reading.rating());
      case RATING_LATE -> late(tx, id, sms, prompt.get(), (ParsedReply.Rating) reading.rating());
      case RATING_UNPARSED -> {
        ParsedReply.Unparsed u = (ParsedReply.Unparsed) reading.rating();
        yield mark(tx, id, Outcome.UNPARSED, u.reason() + ": " + u.detail(), prompt.get().ticketId(),
            prompt.get().id(), null);
      }
    };
  }

  /** The newest thing the phone was asked is the follow-up question, and the text answers it. */
  private Future<Outcome> answer(SqlConnection tx, long id, OpenQuestion q, FollowUpResult result) {
    return followUps.answer(tx, q, result, id)
        .compose(f -> mark(tx, id, Outcome.FOLLOW_UP, "follow-up " + f.result().label()
            + (f.conclusion() == null ? "; decides nothing, the ticket is no longer awaiting it" : ""),
            q.ticketId(), null, null));
  }

  private Future<Outcome> rate(SqlConnection tx, long id, InboundSms sms, RatingPrompt p, ParsedReply.Rating r) {
    return ratings.answer(tx, rating(id, sms, p, r.level(), r.confidence()))
        .compose(a -> mark(tx, id, a.isFirst() ? Outcome.RATING : Outcome.RATING_DUPLICATE,
            a.isFirst() ? r.level().label()
                : r.level().label() + "; first answer " + a.counted().label() + " stays counted",
            p.ticketId(), p.id(), a.stored().id()));
  }

  private Future<Outcome> late(SqlConnection tx, long id, InboundSms sms, RatingPrompt p, ParsedReply.Rating r) {
    return ratings.late(tx, rating(id, sms, p, r.level(), r.confidence()))
        .compose(stored -> mark(tx, id, Outcome.RATING_LATE, r.level().label() + " after the prompt expired at "
            + p.expiresAt(), p.ticketId(), p.id(), stored.id()));
  }

  private static NewRating rating(long inboundId, InboundSms sms, RatingPrompt p, RatingLevel level,
      ParsedReply.Confidence confidence) {
    return new NewRating(p.ticketId(), null, p.id(), inboundId, level, "sms", sms.text(), confidence.name());
  }

  /** The ticket an SMS becomes: a help request (求助) in the citizen's words, to the number they texted. */
  static NewTicket draft(String phone, String text, String destination) {
    return new NewTicket(Channel.SMS, phone, null, RequestType.HELP, null, null, null, null, null, null, text,
        destination, null);
  }

  /** @param claimAtEnd whether the message is still to be claimed (at the batch's end), or already was */
  private Future<Outcome> newTicket(SqlConnection tx, long id, InboundSms sms, boolean claimAtEnd) {
    NewTicket draft = draft(sms.phone(), sms.text(), sms.destination());
    JsonObject details = new JsonObject().put("provider", sms.provider())
        .put("provider_message_id", sms.providerMessageId()).put("inbound_message_id", id);
    // The outcome row goes out alongside the acknowledgement SMS rather than after it.
    return tickets.create(tx, draft, Actor.SYSTEM, details, t -> claimAtEnd
            ? messages.claimedAsTicket(tx, id, sms, clock.instant(), t.id(), t.number())
            : messages.markTicket(tx, id, t.id(), t.number()))
        .map(Outcome.TICKET);
  }

  private Future<Outcome> mark(SqlConnection tx, long id, Outcome outcome, String detail, Long ticketId,
      Long promptId, Long ratingId) {
    return messages.mark(tx, id, outcome, detail, ticketId, promptId, ratingId).map(outcome);
  }
}
