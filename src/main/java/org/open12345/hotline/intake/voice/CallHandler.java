package org.open12345.hotline.intake.voice;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.evaluation.NewRating;
import org.open12345.hotline.evaluation.Ratings;
import org.open12345.hotline.intake.EmergencyTransfers;
import org.open12345.hotline.intake.IntakeTickets;
import org.open12345.hotline.ticket.Channel;
import org.open12345.hotline.ticket.NewTicket;
import org.open12345.hotline.ticket.RequestType;

/**
 * Stores one call event and, in the same transaction, re-decides the call from all its events
 * ({@link CallOutcomeClassifier}). Each consequence is made at most once per call however often
 * it is re-decided: one voicemail ticket, one callback task, one counted keypad rating (a later,
 * different rating is kept as duplicate), one emergency transfer. A transcript that names an
 * emergency makes a transfer instead of a voicemail ticket.
 */
public final class CallHandler {
  private final Pool pool;
  private final IntakeTickets tickets;
  private final Ratings ratings;
  private final EmergencyTransfers emergencies;
  private final Clock clock;

  public CallHandler(Pool pool, IntakeTickets tickets, Ratings ratings, EmergencyTransfers emergencies,
      Clock clock) {
    this.pool = pool;
    this.tickets = tickets;
    this.ratings = ratings;
    this.emergencies = emergencies;
    this.clock = clock;
  }

  /** The call's outcome after this event, or null when the event was a repeat already stored. */
  public Future<CallOutcome> handle(CallEvent event) {
    Instant now = clock.instant();
    return pool.withTransaction(tx -> CallLog.lockCall(tx, event.provider(), event.callId(), now)
        .compose(call -> CallLog.insertEvent(tx, call.id(), event, now).compose(fresh -> !fresh
            ? Future.succeededFuture((CallOutcome) null)
            : CallLog.events(tx, call.id()).compose(events -> {
              CallOutcome outcome = CallOutcomeClassifier.classify(events);
              CallSummary summary = CallSummary.of(events);
              return CallLog.summarise(tx, call.id(), summary, outcome)
                  .compose(v -> apply(tx, call, event, summary, outcome))
                  .map(outcome);
            }))));
  }

  private Future<Void> apply(SqlConnection tx, CallLog.CallRow call, CallEvent event, CallSummary s,
      CallOutcome o) {
    var emergency = emergencies.detect(s.transcript());
    if (emergency.isPresent()) {
      return emergencies.fromCall(tx, call.id(), event.callId(), s.from(), s.transcript(), emergency.get())
          .mapEmpty();
    }
    return switch (o.kind()) {
      case VOICEMAIL_TICKET -> call.ticketId() != null ? Future.succeededFuture() : voicemailTicket(tx, call, event, s, o);
      case CALLBACK_TASK -> callbackTask(tx, call.id(), s);
      case CALL_RATING -> callRating(tx, call, event, s, o);
      default -> Future.succeededFuture();
    };
  }

  private Future<Void> voicemailTicket(SqlConnection tx, CallLog.CallRow call, CallEvent event, CallSummary s,
      CallOutcome o) {
    NewTicket draft = new NewTicket(Channel.PHONE, s.from() == null ? "" : s.from(), null, RequestType.HELP, null,
        null, null, null, null, null, o.transcript(), s.to(), event.callId());
    JsonObject details = new JsonObject().put("provider", event.provider()).put("call_id", event.callId())
        .put("voicemail", true).put("recording_url", s.recordingUrl());
    return tickets.create(tx, draft, Actor.SYSTEM, details).compose(t -> CallLog.linkTicket(tx, call.id(), t.id()));
  }

  private Future<Void> callbackTask(SqlConnection tx, long callPk, CallSummary s) {
    return tx.preparedQuery("INSERT INTO callback_tasks (call_pk, phone, hotline_number, created_at) "
            + "VALUES ($1, $2, $3, $4) ON CONFLICT (call_pk) DO NOTHING")
        .execute(Tuple.of(callPk, s.from(), s.to(), clock.instant().atOffset(ZoneOffset.UTC)))
        .mapEmpty();
  }

  private Future<Void> callRating(SqlConnection tx, CallLog.CallRow call, CallEvent event, CallSummary s,
      CallOutcome o) {
    // The ticket the operator recorded during the call, if any, gets the rating event too.
    return tx.preparedQuery("SELECT id FROM tickets WHERE call_id = $1 ORDER BY id LIMIT 1")
        .execute(Tuple.of(event.callId()))
        .compose(rows -> {
          Long ticketId = rows.size() > 0 ? rows.iterator().next().getLong(0) : call.ticketId();
          return Ratings.counted(tx, null, call.id()).compose(existing -> {
            if (existing == o.rating()) {
              return Future.succeededFuture();
            }
            Ratings.Status status = existing == null ? Ratings.Status.COUNTED : Ratings.Status.DUPLICATE;
            return ratings.store(tx, new NewRating(ticketId, call.id(), null, null, o.rating(), "keypad", s.digits(),
                "HIGH"), status).mapEmpty();
          });
        });
  }
}
