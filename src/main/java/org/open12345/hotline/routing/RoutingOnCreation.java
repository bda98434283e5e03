package org.open12345.hotline.routing;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.time.ZoneId;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.ticket.ActionRequest;
import org.open12345.hotline.ticket.NewTicket;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketAction;
import org.open12345.hotline.ticket.TicketChangeListener;
import org.open12345.hotline.ticket.TicketService;
import org.open12345.hotline.problem.InvalidField;

/**
 * Routes every new ticket, whatever channel created it, inside its creation transaction: a ROUTE
 * event with the rule id and rule-set version, then a DISPATCH by the system to the lead
 * department with the rule's deadline policy, or nothing more (the manual dispatch queue).
 * Also refuses a dispatch by hand to a department the directory does not know.
 */
public final class RoutingOnCreation implements TicketChangeListener {
  private final RuleSetHolder rules;
  private final TextModelHolder model;
  private final TicketService tickets;
  private final ZoneId zone;
  private final RoutingRepository repository;
  private final ReadAhead readAhead = new ReadAhead();

  RoutingOnCreation(RuleSetHolder rules, TextModelHolder model, TicketService tickets, RoutingRepository repository,
      ZoneId zone) {
    this.rules = rules;
    this.model = model;
    this.tickets = tickets;
    this.repository = repository;
    this.zone = zone;
  }

  /**
   * Decides the draft's routing now, before its transaction opens: the free-text reading (HanLP
   * segmentation, naive Bayes) is CPU work that would otherwise run while the transaction holds
   * a connection, or a whole group-commit batch. Creation uses the decision when nothing it
   * depends on changed meanwhile (same rule set, model and input, time of day to the minute).
   */
  @Override
  public void beforeCreate(NewTicket draft, Actor actor, Instant at) {
    RuleSet set = rules.current();
    TextModel m = model.current();
    RoutingInput in = input(draft.categoryCode(), draft.requestType(), draft.urgency(), draft.description(),
        draft.areaCode(), draft.channel(), draft.hotlineNumber(), at, zone);
    boolean citizensWords = citizensWords(actor);
    readAhead.put(in, citizensWords, set, m, set.route(in, m, citizensWords));
  }

  /** A ticket answered on the spot (直接办结) is routed for the statistics but never dispatched. */
  @Override
  public Future<Ticket> afterChange(SqlConnection tx, Ticket before, Ticket after, TicketAction action, Actor actor,
      Instant at, ActionRequest request) {
    if (action == TicketAction.DISPATCH && actor.role() != org.open12345.hotline.auth.Role.SYSTEM) {
      DepartmentTree departments = rules.current().departments();
      if (departments.get(after.departmentId()).isEmpty()) {
        throw new InvalidField("department_id", "unknown department '" + after.departmentId() + "'");
      }
      for (String co : request == null ? java.util.List.<String>of() : request.coDepartmentIds()) {
        if (departments.get(co).isEmpty()) {
          throw new InvalidField("co_department_ids", "unknown department '" + co + "'");
        }
        if (co.equals(after.departmentId())) {
          throw new InvalidField("co_department_ids", "the lead department '" + co + "' cannot also assist");
        }
      }
      return keepChoice(tx, after, actor, at).map(after);
    }
    if (action != TicketAction.CREATE) {
      return Future.succeededFuture(after);
    }
    RuleSet set = rules.current();
    if (after.categoryCode() != null && set.categories().get(after.categoryCode()).isEmpty()) {
      throw new InvalidField("category_code", "unknown category '" + after.categoryCode() + "'");
    }
    if (after.areaCode() != null && set.departments().resolveArea(after.areaCode()).isEmpty()) {
      throw new InvalidField("area_code", "unknown area '" + after.areaCode() + "'");
    }
    // the citizen's own words (SMS, web, Open311, voicemail) route on their reading; an operator's
    // ticket without a code gets the reading as suggestions only: operators choose codes themselves
    boolean citizensWords = citizensWords(actor);
    RoutingInput in = input(after, at, zone);
    TextModel m = model.current();
    RoutingDecision d = readAhead.take(in, citizensWords, set, m).orElseGet(() -> set.route(in, m, citizensWords));
    JsonObject details = new JsonObject()
        .put("kind", d.kind().name())
        .put("rule_id", d.ruleId())
        .put("rule_name", d.ruleName())
        .put("ruleset_version", d.ruleSetVersion())
        .put("lead_department_id", d.leadDepartmentId())
        .put("co_department_ids", new JsonArray(d.coDepartmentIds()))
        .put("policy", d.policy() == null ? null : d.policy().id())
        .put("urgency", d.urgency() == null ? null : d.urgency().name())
        .put("emergency_number", d.emergencyNumber())
        .put("text_reading", RoutingRoutes.reading(d.reading()));
    String emergencyWord = null;
    if (d.kind() == RoutingDecision.Kind.EMERGENCY) {
      // Shown at the top of the dispatch queue: the dispatcher sees why at a glance.
      emergencyWord = set.emergencyWord(after.description()).orElse(d.ruleName());
      details.put("emergency_word", emergencyWord);
    }
    boolean answered = request != null && request.answer() != null;
    if (answered) {
      details.put("answered_on_spot", true);
    }
    Future<Void> recorded = repository.recordWithEvent(tx, after.id(), d, emergencyWord, at, Actor.SYSTEM,
        after.status(), details);
    boolean raise = d.urgency() != null && d.urgency().compareTo(after.urgency()) > 0;
    Future<Ticket> raised = raise
        ? tickets.repository().updateUrgency(tx, after.id(), d.urgency(), at)
        : Future.succeededFuture(after);
    if (d.kind() != RoutingDecision.Kind.DISPATCH || answered) {
      return Future.all(recorded, raised).map(v -> raised.result());
    }
    String note = "按规则 " + d.ruleId() + "（" + d.ruleName() + "）自动派单"
        + (d.reading() != null && d.reading().applied()
            ? "，按描述判定为「" + d.reading().suggestions().get(0).categoryName() + "」" : "");
    ActionRequest dispatch = ActionRequest.dispatch(note, d.leadDepartmentId(), d.coDepartmentIds(),
        d.policy() == null ? null : d.policy().id());
    // The ticket was created by this transaction, so its row is already locked and current. Without
    // an urgency change the dispatch needs nothing from the routing write: it is sent right behind
    // it on the transaction's connection (pipelined, still run in this order).
    if (!raise) {
      Future<Ticket> dispatched = tickets.act(tx, after, TicketAction.DISPATCH, Actor.SYSTEM, dispatch);
      return Future.all(recorded, dispatched).map(v -> dispatched.result());
    }
    return Future.all(recorded, raised)
        .compose(v -> tickets.act(tx, raised.result(), TicketAction.DISPATCH, Actor.SYSTEM, dispatch));
  }

  /**
   * A dispatch by hand is a dispatcher's choice: the category that goes with the department chosen
   * (the stored suggestion for that department, else a fresh reading's, else the first category
   * the rules send there) becomes the ticket's training label; a ticket whose own code leads to
   * that department keeps its code as its label.
   */
  private Future<Void> keepChoice(SqlConnection tx, Ticket after, Actor actor, Instant at) {
    String lead = after.departmentId();
    RuleSet set = rules.current();
    RoutingInput in = input(after, at, zone);
    if (after.categoryCode() != null && lead.equals(set.routeAs(in, after.categoryCode()).leadDepartmentId())) {
      return Future.succeededFuture();
    }
    return repository.suggestionsOf(tx, after.id()).compose(stored -> {
      String category = categoryFor(stored, lead);
      if (category == null && after.description() != null && !after.description().isBlank()) {
        TextReading fresh = set.route(withoutCategory(in), model.current(), false).reading();
        category = fresh == null ? null : categoryFor(fresh.suggestions(), lead);
      }
      if (category == null) {
        category = set.categoryLeadingTo(in, lead).orElse(null);
      }
      return category == null ? Future.succeededFuture()
          : repository.choose(tx, after.id(), category, lead, actor.id(), at);
    });
  }


  private static String categoryFor(java.util.List<TextReading.Suggestion> suggestions, String departmentId) {
    return suggestions.stream().filter(s -> departmentId.equals(s.departmentId())).map(TextReading.Suggestion::categoryCode)
        .findFirst().orElse(null);
  }

  private static RoutingInput withoutCategory(RoutingInput in) {
    return new RoutingInput(null, in.type(), in.urgency(), in.description(), in.area(), in.channel(),
        in.calledNumber(), in.timeOfDay());
  }

  private static boolean citizensWords(Actor actor) {
    return actor.role() == org.open12345.hotline.auth.Role.SYSTEM
        || actor.role() == org.open12345.hotline.auth.Role.CITIZEN;
  }

  /** The ticket as routing sees it, at {@code at} in the centre's zone. */
  static RoutingInput input(Ticket t, Instant at, ZoneId zone) {
    return input(t.categoryCode(), t.requestType(), t.urgency(), t.description(), t.areaCode(), t.channel(),
        t.hotlineNumber(), at, zone);
  }

  private static RoutingInput input(String category, org.open12345.hotline.ticket.RequestType type,
      org.open12345.hotline.ticket.Urgency urgency, String description, String area,
      org.open12345.hotline.ticket.Channel channel, String called, Instant at, ZoneId zone) {
    return RoutingInput.builder()
        .category(category)
        .type(type)
        .urgency(urgency)
        .description(description)
        .area(area)
        .channel(channel)
        .called(called)
        .time(at.atZone(zone).toLocalTime())
        .build();
  }
}
