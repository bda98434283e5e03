package org.open12345.hotline.intake.voice;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.evaluation.NewRating;
import org.open12345.hotline.evaluation.RatingService;
import org.open12345.hotline.intake.EmergencyTransfers;
import org.open12345.hotline.intake.IntakeTickets;
import org.open12345.hotline.ticket.Channel;
import org.open12345.hotline.ticket.NewTicket;
import org.open12345.hotline.ticket.RequestType;
import org.open12345.hotline.ticket.TicketService;

/**
 * Stores one call event and, in the same transaction, re-decides the call from all its events
 * ({@link CallOutcomeClassifier}). Each consequence is made at most once per call however often
 * it is re-decided: one voicemail ticket, one callback task, one counted keypad rating (a later,
 * different rating is kept as duplicate), one emergency transfer. A transcript that names an
 * emergency makes a transfer instead of a voicemail ticket.
 */
public final class CallHandler {
  private final CallRepository calls;
  private final CallbackTaskRepository callbackTasks;
  private final IntakeTickets tickets;
  private final TicketService ticketService;
  private final RatingService ratings;
  private final EmergencyTransfers emergencies;
  private final Clock clock;

  public CallHandler(CallRepository calls, CallbackTaskRepository callbackTasks, IntakeTickets tickets,
      TicketService ticketService, RatingService ratings, EmergencyTransfers emergencies, Clock clock) {
    this.calls = calls;
    this.callbackTasks = callbackTasks;
    this.tickets = tickets;
    this.ticketService = ticketService;
    this.ratings = ratings;
    this.emergencies = emergencies;
    this.clock = clock;
  }

  /** The call's outcome after this event, or null when the event was a repeat already stored. */
  public Future<CallOutcome> handle(CallEvent event) {
    Instant now = clock.instant();
    return tickets.inTransaction(tx -> calls.lockCall(tx, event.provider(), event.callId(), now)
        .compose(call -> calls.insertEvent(tx, call.id(), event, now).compose(fresh -> !fresh
            ? Future.succeededFuture((CallOutcome) null)
            : calls.events(tx, call.id()).compose(events -> {
              CallOutcome outcome = CallOutcomeClassifier.classify(events);
              CallSummary summary = CallSummary.of(events);
              return calls.summarise(tx, call.id(), summary, outcome)
                  .compose(v -> apply(tx, call, event, summary, outcome))
                  .map(outcome);
            }))));
  }

  private Future<Void> apply(SqlConnection tx, CallRepository.CallRow call, CallEvent event, CallSummary s,
      CallOutcome o) {
    var emergency = emergencies.detect(s.transcript());
    if (emergency.isPresent()) {
      return emergencies.fromCall(tx, call.id(), event.callId(), s.from(), s.transcript(), emergency.get())
          .mapEmpty();
    }
    return switch (o.kind()) {
      case VOICEMAIL_TICKET -> call.ticketId() != null ? Future.succeededFuture() : voicemailTicket(tx, call, event, s, o);
      case CALLBACK_TASK -> callbackTasks.insert(tx, call.id(), s.from(), s.to(), clock.instant());
      case CALL_RATING -> callRating(tx, call, event, s, o);
      default -> Future.succeededFuture();
    };
  }

  private Future<Void> voicemailTicket(SqlConnection tx, CallRepository.CallRow call, CallEvent event,
      CallSummary s, CallOutcome o) {
    NewTicket draft = new NewTicket(Channel.PHONE, s.from() == null ? "" : s.from(), null, RequestType.HELP, null,
        null, null, null, null, null, o.transcript(), s.to(), event.callId());
    JsonObject details = new JsonObject().put("provider", event.provider()).put("call_id", event.callId())
        .put("voicemail", true).put("recording_url", s.recordingUrl());
    return tickets.create(tx, draft, Actor.SYSTEM, details).compose(t -> calls.linkTicket(tx, call.id(), t.id()));
  }

  private Future<Void> callRating(SqlConnection tx, CallRepository.CallRow call, CallEvent event, CallSummary s,
      CallOutcome o) {
    // The ticket the operator recorded during the call, if any, gets the rating event too.
    return ticketService.ofCalls(tx, List.of(event.callId())).compose(recorded -> {
      Long ticketId = recorded.isEmpty() ? call.ticketId() : (Long) recorded.get(0).id();
      return ratings.answerOnce(tx, new NewRating(ticketId, call.id(), null, null, o.rating(), "keypad",
          s.digits(), "HIGH")).mapEmpty();
    });
  }
}
