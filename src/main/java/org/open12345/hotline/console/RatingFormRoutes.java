package org.open12345.hotline.console;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.open12345.hotline.evaluation.RatingCaseLife;
import org.open12345.hotline.problem.InvalidField;

/**
 * The ticket page's forms about ratings and 协办, each through its feature's service as the API's
 * routes do: a 差评 case's callback (回访核实), fix (整改), explanation (解释说明) and close; a
 * department's appeal (申诉) of a 差评 and the supervisor's decision; a co-department's note and
 * its part of the answer. Who may do what is the services' rule (a refused form shows the page
 * again with the reason and what was typed).
 */
final class RatingFormRoutes {
  /** The notice after each form, by its key in the redirect's {@code done=}. */
  static final Map<String, String> NOTICES = Map.of(
      "case_callback", "已登记回访核实。",
      "case_fix", "已登记整改，已短信告知诉求人并邀请重新评价。",
      "case_explain", "已登记解释说明，已短信告知诉求人。",
      "case_close", "差评件已办结。",
      "appeal", "已提交申诉，等待督办人员复核。",
      "appeal_decided", "已作出复核决定。",
      "co_note", "已添加协办意见。",
      "co_answer", "已提交协办答复。");
  private final ConsoleSession session;
  private final ConsoleFeature.Desks desks;

  RatingFormRoutes(ConsoleSession session, ConsoleFeature.Desks desks) {
    this.session = session;
    this.desks = desks;
  }

  void mount(Router root, TicketPageRoutes page) {
    root.post("/tickets/:number/rating-cases/:id/callback").handler(ctx -> session.form(ctx, ConsoleHome.STAFF,
        viewer -> page.afterForm(ctx, viewer, "case_callback",
            () -> desks.cases().callback(id(ctx), viewer.actor(), callback(ctx.request().formAttributes())))));
    root.post("/tickets/:number/rating-cases/:id/fix").handler(ctx -> session.form(ctx, ConsoleHome.STAFF,
        viewer -> page.afterForm(ctx, viewer, "case_fix",
            () -> desks.cases().fix(id(ctx), viewer.actor(), required(ctx, "text", 2000)))));
    root.post("/tickets/:number/rating-cases/:id/explain").handler(ctx -> session.form(ctx, ConsoleHome.STAFF,
        viewer -> page.afterForm(ctx, viewer, "case_explain",
            () -> desks.cases().explain(id(ctx), viewer.actor(), required(ctx, "text", 2000)))));
    root.post("/tickets/:number/rating-cases/:id/close").handler(ctx -> session.form(ctx, ConsoleHome.STAFF,
        viewer -> page.afterForm(ctx, viewer, "case_close",
            () -> desks.cases().close(id(ctx), viewer.actor(), optional(ctx, "note", 2000)))));
    root.post("/tickets/:number/ratings/:id/appeal").handler(ctx -> session.form(ctx, ConsoleHome.STAFF,
        viewer -> page.afterForm(ctx, viewer, "appeal", () -> desks.appeals().appeal(id(ctx), viewer.actor(),
            required(ctx, "reason", 2000), optional(ctx, "evidence", 2000)))));
    root.post("/tickets/:number/ratings/:id/decision").handler(ctx -> session.form(ctx, ConsoleHome.STAFF,
        viewer -> page.afterForm(ctx, viewer, "appeal_decided", () -> desks.appeals().decide(id(ctx),
            viewer.actor(), uphold(ctx), required(ctx, "reason", 2000)))));
    root.post("/tickets/:number/co-departments/notes").handler(ctx -> session.form(ctx, ConsoleHome.STAFF,
        viewer -> page.afterForm(ctx, viewer, "co_note",
            () -> desks.co().note(ctx.pathParam("number"), viewer.actor(), required(ctx, "note", 2000)))));
    root.post("/tickets/:number/co-departments/answer").handler(ctx -> session.form(ctx, ConsoleHome.STAFF,
        viewer -> page.afterForm(ctx, viewer, "co_answer",
            () -> desks.co().answer(ctx.pathParam("number"), viewer.actor(), required(ctx, "answer", 4000)))));
  }

  /** The callback form: reached or not, calls made, what the citizen said, founded or not. */
  static RatingCaseLife.Callback callback(MultiMap form) {
    boolean reached = yes(form, "reached");
    int attempts;
    try {
      attempts = Integer.parseInt(form.get("attempts") == null ? "1" : form.get("attempts").strip());
    } catch (NumberFormatException e) {
      throw new InvalidField("attempts", "回访次数须为数字");
    }
    return new RatingCaseLife.Callback(reached, attempts, TicketPageRoutes.text(form, "citizen_account", 2000),
        yes(form, "founded"), TicketPageRoutes.text(form, "note", 2000));
  }

  private static boolean yes(MultiMap form, String field) {
    String v = form.get(field);
    if (!"yes".equals(v) && !"no".equals(v)) {
      throw new InvalidField(field, "请选择“是”或“否”");
    }
    return "yes".equals(v);
  }

  private static boolean uphold(RoutingContext ctx) {
    return yes(ctx.request().formAttributes(), "uphold");
  }

  private static long id(RoutingContext ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new InvalidField("id", "is a number");
    }
  }

  private static String required(RoutingContext ctx, String field, int max) {
    String v = optional(ctx, field, max);
    if (v == null) {
      throw new InvalidField(field, "必填");
    }
    return v;
  }

  private static String optional(RoutingContext ctx, String field, int max) {
    return TicketPageRoutes.text(ctx.request().formAttributes(), field, max);
  }
}
