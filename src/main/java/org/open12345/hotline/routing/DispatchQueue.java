package org.open12345.hotline.routing;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.problem.NotFound;
import org.open12345.hotline.ticket.ActionRequest;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketAction;
import org.open12345.hotline.ticket.TicketDetail;
import org.open12345.hotline.ticket.TicketService;
import org.open12345.hotline.ticket.TicketStatus;

/**
 * The manual dispatch queue (待派单) as a dispatcher works it: tickets no rule routed, the most
 * urgent first, and among them the ones whose text names an emergency at the very top, with the
 * word and the number to advise (an operator- or web-entered 「着火了」 must not wait its turn).
 * A free-text ticket queued below the confidence threshold carries the top 3 suggestions read
 * from its text; {@link #accept} dispatches one of them with one action.
 */
public final class DispatchQueue {
  private final Pool pool;
  private final TicketService tickets;
  private final RoutingRepository repository;
  private final RuleSetHolder rules;
  private final Clock clock;
  private final ZoneId zone;

  DispatchQueue(Pool pool, TicketService tickets, RoutingRepository repository, RuleSetHolder rules, Clock clock,
      ZoneId zone) {
    this.pool = pool;
    this.tickets = tickets;
    this.repository = repository;
    this.rules = rules;
    this.clock = clock;
    this.zone = zone;
  }

  public Future<List<QueueEntry>> page(int page, int size) {
    return tickets.dispatchQueue(size, (long) page * size).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(List.of());
      }
      return repository.decisionsOf(pool, found.stream().map(Ticket::id).toList()).map(decisions -> {
        List<QueueEntry> out = new ArrayList<>();
        found.forEach(t -> out.add(new QueueEntry(t, decisions.get(t.id()))));
        // Stable: the queue's own order (urgency, then age) holds among emergencies and the rest.
        out.sort(Comparator.comparing(e -> !e.isEmergency()));
        return out;
      });
    });
  }

  /** The suggestions stored with these tickets (by ticket id); tickets without any are absent. */
  public Future<Map<Long, List<TextReading.Suggestion>>> suggestions(List<Long> ticketIds) {
    if (ticketIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return repository.decisionsOf(pool, ticketIds).map(decisions -> {
      Map<Long, List<TextReading.Suggestion>> out = new java.util.HashMap<>();
      decisions.forEach((id, d) -> {
        if (!d.suggestions().isEmpty()) {
          out.put(id, d.suggestions());
        }
      });
      return out;
    });
  }

  /**
   * Accepts suggestion {@code rank} (1 = best) of a queued ticket: dispatches it to that
   * department with the deadline policy (and co-departments) of the rule its category reaches,
   * through the ticket service's dispatch; the choice becomes the ticket's training label.
   */
  public Future<TicketDetail> accept(String number, int rank, Actor actor) {
    return pool.withTransaction(tx -> tickets.repository().lockByNumber(tx, number, actor.scope()).compose(found -> {
      Ticket t = found.orElseThrow(() -> new NotFound("ticket " + number + " not found"));
      if (t.status() != TicketStatus.RECEIVED && t.status() != TicketStatus.RETURNED) {
        throw SuggestionRefused.notQueued(number, t.status().label());
      }
      return repository.suggestionsOf(tx, t.id()).compose(stored -> {
        if (rank < 1 || rank > stored.size()) {
          throw SuggestionRefused.none(number, rank);
        }
        TextReading.Suggestion s = stored.get(rank - 1);
        if (s.departmentId() == null) {
          throw SuggestionRefused.noDepartment(number, rank);
        }
        RoutingDecision d = rules.current().routeAs(RoutingOnCreation.input(t, clock.instant(), zone),
            s.categoryCode());
        boolean ruled = d.kind() == RoutingDecision.Kind.DISPATCH && s.departmentId().equals(d.leadDepartmentId());
        ActionRequest dispatch = ActionRequest.dispatch(
            "采纳建议" + rank + "：" + s.categoryName() + (ruled ? "（规则 " + d.ruleId() + "）" : ""),
            s.departmentId(), ruled ? d.coDepartmentIds() : List.of(),
            ruled && d.policy() != null ? d.policy().id() : null);
        // the choice (this suggestion's category for its department) is kept by RoutingOnCreation
        // in this same transaction, as for a dispatch by hand
        return tickets.act(tx, t, TicketAction.DISPATCH, actor, dispatch);
      });
    })).compose(tickets::withTimeline);
  }

}
