package org.open12345.hotline.console;

import static org.open12345.hotline.console.ConsoleForms.id;
import static org.open12345.hotline.console.ConsoleForms.text;
import static org.open12345.hotline.console.ConsoleForms.thenBack;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.intake.EmergencyTransfers;
import org.open12345.hotline.evaluation.RatingLevel;
import org.open12345.hotline.intake.sms.UnparsedReplies;
import org.open12345.hotline.problem.InvalidField;
import org.open12345.hotline.returns.Returns;

/**
 * The dispatcher's lists beside the manual queue ({@code GET /console/dispatch/lists}, a fragment
 * the dispatch page loads and reloads live) and their forms: rule on a return ({@code POST
 * /console/dispatch/returns/{id}}) and settle an unparsed SMS reply ({@code POST
 * /console/dispatch/inbound/{id}}). Extension and pause decisions use the ticket page's forms and
 * come back here; an emergency's ticket is dispatched with the ticket page's dispatch form.
 */
final class CentreListsRoutes {
  static final String PATH = "/console/dispatch";
  private static final EnumSet<Role> CENTRE = EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR);
  private static final Map<String, String> NOTICES = Map.of("approve", "已批准。", "refuse", "已驳回申请。",
      "settled", "已处理该短信。", "redispatch", "已改派。", "send_back", "已驳回退单，退回原单位办理。",
      "emergency", "已标记该紧急情况的处理结果。");
  private final ConsoleSession session;
  private final ConsoleView view;
  private final CentreLists lists;
  private final Returns returns;
  private final UnparsedReplies unparsed;
  private final EmergencyTransfers emergencies;

  CentreListsRoutes(ConsoleSession session, ConsoleView view, CentreLists lists, Returns returns,
      UnparsedReplies unparsed, EmergencyTransfers emergencies) {
    this.emergencies = emergencies;
    this.session = session;
    this.view = view;
    this.lists = lists;
    this.returns = returns;
    this.unparsed = unparsed;
  }

  /** The dispatch page's notice after one of these forms, or null. */
  static String notice(String done) {
    return done == null ? null : NOTICES.get(done);
  }

  void mount(Router root) {
    root.get(PATH + "/lists").handler(ctx -> session.page(ctx, CENTRE, viewer ->
        lists.of(viewer.actor()).map(v -> {
          view.send(ctx, 200, "dispatch/lists", viewer, v);
          return null;
        })));
    root.post(PATH + "/returns/:id").handler(ctx -> session.form(ctx, CENTRE, viewer -> {
      Returns.Decision decision = decision(ctx);
      return thenBack(ctx, PATH + "?done=" + decision.name().toLowerCase(Locale.ROOT),
          () -> returns.rule(id(ctx), viewer.actor(), decision, text(ctx, "department_id"), text(ctx, "note")));
    }));
    // 已转接 / 已处理: the dispatcher who dealt with an emergency says so, once, with who and when.
    root.post(PATH + "/emergencies/:id").handler(ctx -> session.form(ctx, CENTRE, viewer ->
        thenBack(ctx, PATH + "?done=emergency", () -> emergencies.markHandled(id(ctx),
            String.valueOf(ctx.request().getFormAttribute("as")), viewer.actor(), text(ctx, "note")))));
    root.post(PATH + "/inbound/:id").handler(ctx -> session.form(ctx, CENTRE, viewer ->
        thenBack(ctx, PATH + "?done=settled", () -> unparsed.settle(id(ctx), viewer.actor(), settlement(ctx)))));
  }


  private static Returns.Decision decision(RoutingContext ctx) {
    String d = String.valueOf(ctx.request().getFormAttribute("decision"));
    return switch (d) {
      case "redispatch" -> Returns.Decision.REDISPATCH;
      case "send_back" -> Returns.Decision.SEND_BACK;
      default -> throw new InvalidField("decision", "is redispatch or send_back");
    };
  }

  private static UnparsedReplies.Settlement settlement(RoutingContext ctx) {
    String d = String.valueOf(ctx.request().getFormAttribute("decision"));
    UnparsedReplies.Decision decision = switch (d) {
      case "rate" -> UnparsedReplies.Decision.RATE;
      case "dismiss" -> UnparsedReplies.Decision.DISMISS;
      case "ticket" -> UnparsedReplies.Decision.TICKET;
      default -> throw new InvalidField("decision", "is rate, dismiss or ticket");
    };
    RatingLevel level = null;
    if (decision == UnparsedReplies.Decision.RATE) {
      level = RatingLevel.parse(String.valueOf(ctx.request().getFormAttribute("level")))
          .orElseThrow(() -> new InvalidField("level", "is required to rate: one of the five levels"));
    }
    return new UnparsedReplies.Settlement(decision, level, text(ctx, "ticket_number"), text(ctx, "note"));
  }


}
