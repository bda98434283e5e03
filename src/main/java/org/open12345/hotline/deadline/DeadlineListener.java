package org.open12345.hotline.deadline;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.function.Supplier;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.problem.InvalidField;
import org.open12345.hotline.ticket.ActionRequest;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketAction;
import org.open12345.hotline.ticket.TicketChangeListener;
import org.open12345.hotline.ticket.TicketEventRepository;
import org.open12345.hotline.ticket.TicketStatus;

/**
 * Keeps deadlines in step with the ticket, in the ticket's transaction: a dispatch (first or
 * again), a reopen and an unmerge back to the department set them, signing/contact/reply meets
 * them, a return or the end of the ticket stops the ladder.
 */
final class DeadlineListener implements TicketChangeListener {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeadlineListener.class);
  private final DeadlineUpdates updates;
  private final TicketDeadlineRules rules;
  private final Supplier<PolicyCatalog> policies;

  /** @param policies read at each change: routing's catalog can be plugged in after construction */
  DeadlineListener(DeadlineUpdates updates, TicketDeadlineRules rules, Supplier<PolicyCatalog> policies) {
    this.updates = updates;
    this.rules = rules;
    this.policies = policies;
  }

  @Override
  public Future<Ticket> afterChange(SqlConnection tx, Ticket before, Ticket after, TicketAction action, Actor actor,
      Instant at, ActionRequest request) {
    Future<Void> work;
    if (after.status().terminal()) {
      work = updates.close(tx, after, at);
    } else {
      work = switch (action) {
        case DISPATCH -> dispatched(tx, before, after, knownPolicy(request, actor), at);
        case REOPEN -> newRound(tx, after, knownPolicy(request, actor), "reopen", at);
        // Out of a merge and back with its department: a new round under the policy it had.
        case UNMERGE -> after.status() == TicketStatus.DISPATCHED ? newRound(tx, after, null, "unmerge", at)
            : Future.succeededFuture();
        case SIGN -> met(tx, after, DeadlineKind.SIGN, at);
        case CONTACT -> met(tx, after, DeadlineKind.RESPOND, at);
        case REPLY -> met(tx, after, DeadlineKind.RESOLVE, at);
        // The department gave it back: its ladder stops and the centre's ruling clock starts.
        case RETURN -> returned(tx, after, at);
        case REJECT_RETURN -> ruledBack(tx, after, at);
        default -> Future.succeededFuture();
      };
    }
    return work.map(after);
  }

  /**
   * The policy the action names. A person naming one the rule files do not have is refused (400 on
   * the field, nothing changes): they can correct it. The system's dispatch (a rule naming a policy
   * since removed) goes on under the default, and its event says so.
   */
  private String knownPolicy(ActionRequest request, Actor actor) {
    String name = request == null ? null : request.policy();
    if (name != null && actor.role() != Role.SYSTEM
        && policies.get().byName(name).isEmpty()) {
      throw new InvalidField("policy", "unknown deadline policy '" + name + "'");
    }
    return name;
  }

  /** @param name the policy the dispatch named (routing's rule or the dispatcher), or null */
  private Future<Void> dispatched(SqlConnection tx, Ticket before, Ticket t, String name, Instant at) {
    PolicyCatalog policies = this.policies.get();
    JsonObject details = new JsonObject().put("department_id", t.departmentId());
    DeadlinePolicy policy = null;
    if (name != null) {
      policy = policies.byName(name).orElse(null);
      if (policy == null) {
        // A dispatch must not fail on a policy name routing got wrong; the event says so.
        details.put("unknown_policy", name);
      }
    }
    DeadlinePolicy chosen = policy != null ? policy : policies.defaultFor(t.urgency(), t.requestType());
    if (before != null && before.status() == TicketStatus.RECEIVED) {
      // Only a dispatch gives a ticket deadlines (and ladder steps), and no action leads back to
      // RECEIVED: this is its first dispatch, so there is no row to read and lock. Every
      // ticket's creation takes this path through routing.
      details.put("reason", "dispatch");
      return computed(tx, t, chosen, at, details, () -> rules.start(t.number(), chosen, at),
          next -> updates.start(tx, t, next, "DEADLINES_SET", Actor.SYSTEM, at, details));
    }
    return updates.repository().lock(tx, t.id()).compose(current -> {
      details.put("reason", current.isPresent() ? "redispatch" : "dispatch");
      return computed(tx, t, chosen, at, details,
          () -> current.map(c -> rules.redispatch(c, chosen, at)).orElseGet(() -> rules.start(t.number(), chosen, at)),
          next -> updates.apply(tx, t, next, "DEADLINES_SET", Actor.SYSTEM, at, details));
    });
  }

  /**
   * 重办, or back from a merge: a new round of every deadline from now, to the department it now
   * has (the same or another), under the policy the action names or else the ticket's own, with a
   * new revision so the ladder's steps fire again.
   *
   * @param reason {@code reopen} or {@code unmerge}, for the DEADLINES_SET event
   */
  private Future<Void> newRound(SqlConnection tx, Ticket t, String name, String reason, Instant at) {
    PolicyCatalog policies = this.policies.get();
    JsonObject details = new JsonObject().put("department_id", t.departmentId()).put("reason", reason);
    return updates.repository().lock(tx, t.id()).compose(current -> {
      String wanted = name != null ? name : current.map(c -> c.policy().name()).orElse(null);
      DeadlinePolicy named = wanted == null ? null : policies.byName(wanted).orElse(null);
      if (name != null && named == null) {
        details.put("unknown_policy", name);
      }
      // A policy since removed from the rule files: the one the ticket was dispatched under.
      DeadlinePolicy chosen = named != null ? named
          : current.map(TicketDeadlines::policy).orElseGet(() -> policies.defaultFor(t.urgency(), t.requestType()));
      return computed(tx, t, chosen, at, details,
          () -> current.map(c -> rules.redispatch(c, chosen, at)).orElseGet(() -> rules.start(t.number(), chosen, at)),
          next -> updates.apply(tx, t, next, "DEADLINES_SET", Actor.SYSTEM, at, details));
    });
  }

  /**
   * Stores the deadlines {@code compute} gives, unless a working-day count reaches a year with no
   * holiday file: the ticket is dispatched all the same (a citizen's matter is never refused for
   * our missing file) and its log says which year's file the centre must add.
   */
  private Future<Void> computed(SqlConnection tx, Ticket t, DeadlinePolicy chosen, Instant at, JsonObject details,
      java.util.function.Supplier<TicketDeadlines> compute,
      java.util.function.Function<TicketDeadlines, Future<Void>> store) {
    TicketDeadlines next;
    try {
      next = compute.get();
    } catch (CalendarMissingException e) {
      log.error("ticket {}: no deadlines: {}", t.number(), e.getMessage());
      return TicketEventRepository.append(tx, t.id(), at, Actor.SYSTEM, "DEADLINES_UNAVAILABLE", t.status(), t.status(),
          details.put("policy", chosen.name()).put("missing_calendar_year", e.year()).put("message", e.getMessage()));
    }
    return store.apply(next);
  }

  private Future<Void> returned(SqlConnection tx, Ticket t, Instant at) {
    PolicyCatalog policies = this.policies.get();
    return updates.repository().lock(tx, t.id()).compose(current -> current.isEmpty()
        ? Future.succeededFuture()
        : updates.apply(tx, t, rules.awaitRuling(current.get(), policies.rulingTerm(), current.get().policy()
            .escalateAfter(), at), "DEADLINES_SET", Actor.SYSTEM, at, new JsonObject().put("reason", "return")
            .put("department_id", t.departmentId())));
  }

  /** Sent back to the same department: the ruling is met and the department's own clock runs on. */
  private Future<Void> ruledBack(SqlConnection tx, Ticket t, Instant at) {
    return updates.repository().lock(tx, t.id()).compose(current -> current.isEmpty()
        ? Future.succeededFuture()
        : updates.apply(tx, t, rules.ruled(current.get(), at), null, null, at, null));
  }

  private Future<Void> met(SqlConnection tx, Ticket t, DeadlineKind kind, Instant at) {
    return updates.repository().lock(tx, t.id()).compose(current -> current.isEmpty()
        ? Future.succeededFuture()
        : updates.apply(tx, t, rules.meet(current.get(), kind, at), null, null, at, null));
  }
}
