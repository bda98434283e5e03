package org.open12345.hotline.deadline;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.notify.NewMessage;
import org.open12345.hotline.notify.Outbox;
import org.open12345.hotline.notify.template.MessageTemplates;
import org.open12345.hotline.problem.NotFound;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketEventRepository;
import org.open12345.hotline.ticket.TicketRepository;
import org.open12345.hotline.ticket.TicketStatus;

/**
 * 延期: the ticket's department asks before resolve-by, one pending request at a time; a
 * dispatcher or supervisor approves or refuses it with a reason. Approval moves resolve-by and its
 * ladder steps and tells the citizen by SMS. Each call is one transaction.
 */
public final class Extensions {
  private static final Set<Role> CENTRE = EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR);
  /** The states in which a department is working on the ticket and may ask for more time. */
  private static final Set<TicketStatus> WORKING = EnumSet.of(TicketStatus.DISPATCHED, TicketStatus.SIGNED,
      TicketStatus.REOPENED);

  private final Pool pool;
  private final TicketAccess access;
  private final ExtensionRepository extensions;
  private final DeadlineUpdates updates;
  private final TicketDeadlineRules rules;
  private final DeadlineCalculator calculator;
  private final Outbox outbox;
  private final MessageTemplates templates;
  private final Clock clock;

  Extensions(Pool pool, TicketRepository tickets, ExtensionRepository extensions, DeadlineUpdates updates,
      TicketDeadlineRules rules, DeadlineCalculator calculator, Outbox outbox, MessageTemplates templates,
      Clock clock) {
    this.pool = pool;
    this.access = new TicketAccess(tickets);
    this.extensions = extensions;
    this.updates = updates;
    this.rules = rules;
    this.calculator = calculator;
    this.outbox = outbox;
    this.templates = templates;
    this.clock = clock;
  }

  /** Only a department asks for an extension (of its own ticket, checked when the ticket is locked). */
  public static void requireRequester(Actor actor) {
    if (actor.role() != Role.DEPARTMENT) {
      throw DeadlineChangeRefused.forbidden("forbidden_action", "only the ticket's department asks for an extension");
    }
  }

  /**
   * A department asks for more time: by a span ({@code 5wd}) or to a last day; exactly one is given.
   */
  public Future<Extension> request(String number, Actor actor, TimeSpan span, LocalDate until, String reason) {
    requireRequester(actor);
    if ((span == null) == (until == null)) {
      throw new IllegalArgumentException("exactly one of span and until");
    }
    Instant now = clock.instant();
    return pool.withTransaction(tx -> access.lock(tx, number, actor, Set.of(), true)
        .compose(t -> updates.repository().lock(tx, t.id()).compose(found -> {
          Deadline resolve = extendable(t.number(), t.status(), found, now);
          return extensions.insertPending(tx, t.id(), actor.department(), actor.id(), span, until, reason,
                  resolve.dueAt(), now)
              .map(inserted -> inserted.orElseThrow(() -> DeadlineChangeRefused.conflict("extension_pending",
                  "ticket " + t.number() + " already has a pending extension request")))
              .compose(ext -> TicketEventRepository.append(tx, t.id(), now, actor, "EXTENSION_REQUESTED", t.status(),
                      t.status(), new JsonObject().put("extension_id", ext.id()).put("span", ext.span())
                          .put("until", ext.until() == null ? null : ext.until().toString()).put("reason", reason))
                  .map(ext));
        })));
  }

  /**
   * The resolve deadline a request may extend: the ticket has deadlines, its resolve-by is open,
   * a department is working on it, and resolve-by has not passed (an extension is asked before
   * the deadline, not to excuse a missed one).
   *
   * @throws DeadlineChangeRefused {@code no_deadlines}, {@code nothing_to_extend},
   *     {@code wrong_state} or {@code too_late}
   */
  static Deadline extendable(String number, TicketStatus status, Optional<TicketDeadlines> found, Instant now) {
    TicketDeadlines d = found.orElseThrow(() -> DeadlineChangeRefused.conflict("no_deadlines",
        "ticket " + number + " has no deadlines (not dispatched)"));
    Deadline resolve = d.get(DeadlineKind.RESOLVE).filter(r -> !r.isMet()).orElseThrow(() ->
        DeadlineChangeRefused.conflict("nothing_to_extend", "ticket " + number + " has no open resolve deadline"));
    if (!WORKING.contains(status)) {
      throw DeadlineChangeRefused.conflict("wrong_state", "ticket " + number + " is " + status);
    }
    if (now.isAfter(resolve.dueAt())) {
      throw DeadlineChangeRefused.conflict("too_late", "an extension must be asked before the deadline "
          + resolve.dueAt());
    }
    return resolve;
  }

  /** A request waiting for the centre, with its ticket's number. */
  public record Waiting(String ticketNumber, Extension extension) {}

  /** Requests waiting for the centre, oldest first. */
  public Future<List<Waiting>> pending(int page, int size) {
    return extensions.pending(pool, size, (long) page * size);
  }

  public Future<Extension> approve(String number, long id, Actor actor, String reason) {
    Instant now = clock.instant();
    return pool.withTransaction(tx -> pending(tx, number, id, actor)
        .compose(p -> approve(tx, p.ticket(), p.extension(), actor, reason, now)));
  }

  public Future<Extension> refuse(String number, long id, Actor actor, String reason) {
    Instant now = clock.instant();
    return pool.withTransaction(tx -> pending(tx, number, id, actor)
        .compose(p -> extensions.decide(tx, id, "refused", null, actor.id(), reason, now)
            .compose(ext -> TicketEventRepository.append(tx, p.ticket().id(), now, actor, "EXTENSION_REFUSED",
                p.ticket().status(), p.ticket().status(),
                new JsonObject().put("extension_id", ext.id()).put("reason", reason)).map(ext))));
  }

  private record Pending(Ticket ticket, Extension extension) {}

  /** Locks the ticket (centre roles only) and its still pending request. */
  private Future<Pending> pending(SqlConnection tx, String number, long id, Actor actor) {
    return access.lock(tx, number, actor, CENTRE, false)
        .compose(t -> extensions.lock(tx, id, t.id()).map(found -> {
          Extension ext = found.orElseThrow(() -> new NotFound("no extension " + id + " on ticket " + t.number()));
          if (!ext.isPending()) {
            throw DeadlineChangeRefused.conflict("already_decided", "extension " + id + " is " + ext.status());
          }
          return new Pending(t, ext);
        }));
  }

  private Future<Extension> approve(SqlConnection tx, Ticket t, Extension ext, Actor actor, String reason,
      Instant now) {
    return updates.repository().lock(tx, t.id()).compose(found -> {
      TicketDeadlines d = found.orElseThrow(() -> DeadlineChangeRefused.conflict("no_deadlines",
          "ticket has no deadlines"));
      TicketDeadlines next;
      try {
        next = ext.span() != null ? rules.extend(d, TimeSpan.parse(ext.span())) : rules.extendTo(d, ext.until());
      } catch (IllegalStateException | IllegalArgumentException e) {
        throw DeadlineChangeRefused.conflict("cannot_extend", e.getMessage());
      }
      Instant newDue = next.resolveBy().orElseThrow();
      String newDeadline = deadlineText(newDue);
      String sms = templates.render("sms/deadline-extended", Map.of("ticketNo", t.number(), "newDeadline", newDeadline))
          .text();
      return extensions.decide(tx, ext.id(), "approved", newDue, actor.id(), reason, now)
          .compose(decided -> updates.apply(tx, t, next, "EXTENSION_APPROVED", actor, now,
                  new JsonObject().put("extension_id", decided.id()).put("reason", reason)
                      .put("old_resolve_by", d.resolveBy().map(Instant::toString).orElse(null))
                      .put("new_resolve_by", newDue.toString()))
              .compose(v -> outbox.enqueue(tx, new NewMessage("deadline-extended", "sms", t.citizenPhone(), null, sms,
                  null, "extension-sms:" + decided.id(), new JsonObject().put("extension_id", decided.id())
                      .put("vars", new JsonObject().put("ticketNo", t.number()).put("newDeadline", newDeadline)),
                  t.id(), true)))
              .map(decided));
    });
  }

  /** The new deadline as the citizen reads it: the date, with the time unless it is the end of the day. */
  String deadlineText(Instant due) {
    LocalTime time = due.atZone(calculator.zone()).toLocalTime();
    return calculator.dateOf(due) + (time.equals(DeadlineCalculator.MIDNIGHT_END) ? ""
        : " " + time.withSecond(0).withNano(0));
  }
}
