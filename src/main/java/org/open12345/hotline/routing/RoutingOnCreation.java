package org.open12345.hotline.routing;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.time.ZoneId;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.ticket.ActionRequest;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketAction;
import org.open12345.hotline.ticket.TicketChangeListener;
import org.open12345.hotline.ticket.TicketEventLog;
import org.open12345.hotline.ticket.TicketService;
import org.open12345.hotline.web.ApiException;

/**
 * Routes every new ticket, whatever channel created it, inside its creation transaction: a ROUTE
 * event with the rule id and rule-set version, then a DISPATCH by the system to the lead
 * department with the rule's deadline policy, or nothing more (the manual dispatch queue).
 * Also refuses a dispatch by hand to a department the directory does not know.
 */
public final class RoutingOnCreation implements TicketChangeListener {
  private final RuleSetHolder rules;
  private final TicketService tickets;
  private final ZoneId zone;
  private final RoutingRepository repository = new RoutingRepository();

  public RoutingOnCreation(RuleSetHolder rules, TicketService tickets, ZoneId zone) {
    this.rules = rules;
    this.tickets = tickets;
    this.zone = zone;
  }

  @Override
  public Future<Ticket> afterChange(SqlConnection tx, Ticket before, Ticket after, TicketAction action, Actor actor,
      Instant at) {
    if (action == TicketAction.DISPATCH && actor.role() != org.open12345.hotline.auth.Role.SYSTEM) {
      if (rules.current().departments().get(after.departmentId()).isEmpty()) {
        throw ApiException.badField("department_id", "unknown department '" + after.departmentId() + "'");
      }
      return Future.succeededFuture(after);
    }
    if (action != TicketAction.CREATE) {
      return Future.succeededFuture(after);
    }
    RuleSet set = rules.current();
    if (after.categoryCode() != null && set.categories().get(after.categoryCode()).isEmpty()) {
      throw ApiException.badField("category_code", "unknown category '" + after.categoryCode() + "'");
    }
    if (after.areaCode() != null && set.departments().resolveArea(after.areaCode()).isEmpty()) {
      throw ApiException.badField("area_code", "unknown area '" + after.areaCode() + "'");
    }
    RoutingDecision d = set.route(input(after, at));
    JsonObject details = new JsonObject()
        .put("kind", d.kind().name())
        .put("rule_id", d.ruleId())
        .put("rule_name", d.ruleName())
        .put("ruleset_version", d.ruleSetVersion())
        .put("lead_department_id", d.leadDepartmentId())
        .put("co_department_ids", new JsonArray(d.coDepartmentIds()))
        .put("policy", d.policy() == null ? null : d.policy().id())
        .put("urgency", d.urgency() == null ? null : d.urgency().name())
        .put("emergency_number", d.emergencyNumber());
    // Independent writes, sent together on the transaction's connection (pipelined, run in order).
    Future<Void> recorded = repository.record(tx, after.id(), d, at);
    Future<Void> logged = TicketEventLog.append(tx, after.id(), at, Actor.SYSTEM, "ROUTE", after.status(),
        after.status(), details);
    Future<Ticket> raised = d.urgency() != null && d.urgency().compareTo(after.urgency()) > 0
        ? tickets.repository().updateUrgency(tx, after.id(), d.urgency(), at)
        : Future.succeededFuture(after);
    Future<Ticket> routed = Future.all(recorded, logged, raised).map(v -> raised.result());
    if (d.kind() != RoutingDecision.Kind.DISPATCH) {
      return routed;
    }
    String note = "按规则 " + d.ruleId() + "（" + d.ruleName() + "）自动派单";
    // The ticket was created by this transaction, so its row is already locked and current.
    return routed.compose(t -> tickets.act(tx, t, TicketAction.DISPATCH, Actor.SYSTEM,
        new ActionRequest(note, d.leadDepartmentId(), null, null, d.policy() == null ? null : d.policy().id())));
  }

  private RoutingInput input(Ticket t, Instant at) {
    return RoutingInput.builder()
        .category(t.categoryCode())
        .type(t.requestType())
        .urgency(t.urgency())
        .description(t.description())
        .area(t.areaCode())
        .channel(t.channel())
        .called(t.hotlineNumber())
        .time(at.atZone(zone).toLocalTime())
        .build();
  }
}
