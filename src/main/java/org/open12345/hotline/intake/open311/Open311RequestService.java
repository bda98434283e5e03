package org.open12345.hotline.intake.open311;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.intake.IntakeTickets;
import org.open12345.hotline.intake.idempotency.KeyedSubmissions;
import org.open12345.hotline.intake.idempotency.SubmissionKey;
import org.open12345.hotline.intake.idempotency.SubmissionKeyBusy;
import org.open12345.hotline.intake.idempotency.SubmissionKeyReused;
import org.open12345.hotline.ticket.Channel;
import org.open12345.hotline.ticket.ChannelTicketQuery;
import org.open12345.hotline.ticket.NewTicket;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketEvent;
import org.open12345.hotline.ticket.TicketService;
import org.open12345.hotline.ticket.TicketStatus;

/**
 * Open311 service requests over tickets. Only tickets created through Open311 are visible here:
 * phone and SMS tickets hold citizens' own words and are not published. Ticket data comes from
 * the ticket feature and expected times from the deadline feature ({@link ExpectedTimes}).
 */
public final class Open311RequestService {
  /** The spec's default window when a listing names no dates. */
  static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
  static final int MAX_RESULTS = 1000;
  /** The events whose note or reason is a request's {@code status_notes}, the latest one winning. */
  private static final Set<String> NOTE_ACTIONS = Set.of("REPLY", "CLOSE", "STOP", "ANSWER_ON_SPOT");
  private static final Actor CLIENT = new Actor("open311", Role.CITIZEN, null);

  /**
   * A request that was accepted: its id (the ticket number). {@code replayed}: the answer repeats
   * the one given to an earlier request with the same idempotency key; nothing new was stored.
   */
  public record Created(String number, boolean replayed) {}

  private final IntakeTickets intake;
  private final TicketService tickets;
  private final ExpectedTimes expected;
  private final KeyedSubmissions keyed;
  private final Clock clock;

  public Open311RequestService(IntakeTickets intake, TicketService tickets, ExpectedTimes expected,
      KeyedSubmissions keyed, Clock clock) {
    this.intake = intake;
    this.tickets = tickets;
    this.expected = expected;
    this.keyed = keyed;
    this.clock = clock;
  }

  /**
   * Creates the ticket (and its acknowledgement SMS when a phone was given). With an idempotency
   * key (null: none), a key claimed before with the same content answers that request's id again;
   * with other content it fails with {@link SubmissionKeyReused}, while another transaction holds
   * it with {@link SubmissionKeyBusy} (see {@link KeyedSubmissions}).
   */
  public Future<Created> create(NewTicket draft, JsonObject details, SubmissionKey key) {
    if (key == null) {
      return create(draft, details, (tx, t) -> Future.succeededFuture());
    }
    // no query code: Open311 answers only the id, and the acknowledgement SMS carries its own
    return keyed.submit(key, null, stored -> new Created(stored.ticketNumber(), true),
        claim -> create(draft, details, claim));
  }

  private Future<Created> create(NewTicket draft, JsonObject details, KeyedSubmissions.KeyClaim claim) {
    intake.readAhead(draft, CLIENT);
    return intake.inTransaction(tx -> intake.create(tx, draft, CLIENT, details, t -> claim.in(tx, t)))
        .map(t -> new Created(t.number(), false));
  }

  /** The request with this id (ticket number); empty when unknown or not an Open311 ticket. */
  public Future<Optional<Open311Request>> find(String id) {
    return byIds(List.of(id)).map(found -> found.stream().findFirst());
  }

  /** The requests with these ids; the spec ignores every other filter when ids are given. */
  public Future<List<Open311Request>> byIds(List<String> ids) {
    return requests(new ChannelTicketQuery(Channel.OPEN311, ids, null, null, null, null, MAX_RESULTS));
  }

  /**
   * Requests created between {@code start} and {@code end} (defaults: the 90 days up to now),
   * newest first.
   *
   * @param codes service codes, or null for all
   * @param states {@code open} and/or {@code closed}, or null for both
   */
  public Future<List<Open311Request>> list(Instant start, Instant end, List<String> codes, Set<String> states) {
    Instant to = end == null ? clock.instant() : end;
    Instant from = start == null ? to.minus(DEFAULT_WINDOW) : start;
    return requests(new ChannelTicketQuery(Channel.OPEN311, null, from, to, codes, statuses(states), MAX_RESULTS));
  }

  /** Closed in Open311's sense is a terminal ticket status; every other one is open. */
  static List<TicketStatus> statuses(Set<String> states) {
    if (states == null) {
      return null;
    }
    List<TicketStatus> out = new ArrayList<>();
    for (TicketStatus s : TicketStatus.values()) {
      if (states.contains(state(s))) {
        out.add(s);
      }
    }
    return out;
  }

  /** {@code open} or {@code closed}. */
  static String state(TicketStatus s) {
    return s.terminal() ? "closed" : "open";
  }

  private Future<List<Open311Request>> requests(ChannelTicketQuery q) {
    return tickets.list(q).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(List.of());
      }
      List<Long> ids = found.stream().map(Ticket::id).toList();
      Future<Map<Long, List<TicketEvent>>> notes = tickets.events(ids, NOTE_ACTIONS);
      Future<Map<Long, Instant>> due = expected.expectedAt(ids);
      return Future.all(notes, due).map(v -> {
        List<Open311Request> out = new ArrayList<>(found.size());
        for (Ticket t : found) {
          out.add(new Open311Request(t, note(notes.result().get(t.id())), due.result().get(t.id())));
        }
        return out;
      });
    });
  }

  private static String note(List<TicketEvent> events) {
    if (events == null || events.isEmpty()) {
      return null;
    }
    JsonObject d = events.get(events.size() - 1).details();
    return d.getString("note", d.getString("reason"));
  }
}
