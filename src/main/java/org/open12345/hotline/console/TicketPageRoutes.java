package org.open12345.hotline.console;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.open12345.hotline.auth.Role;
import java.util.function.Supplier;
import org.open12345.hotline.deadline.Deadlines;
import org.open12345.hotline.problem.Problem;
import org.open12345.hotline.ticket.ActionRequest;
import org.open12345.hotline.ticket.TicketAction;
import org.open12345.hotline.ticket.TicketDetail;
import org.open12345.hotline.ticket.TicketService;
import org.open12345.hotline.web.ClientAddress;

/**
 * {@code /tickets/{number}}: the ticket page every staff role opens (the link in every notice
 * and 督办 mail), and the forms on it ({@code POST /tickets/{number}/actions/{action}}) that act
 * through the same ticket service as the API. Scoped like the API: another department's ticket is
 * not found; a confidential requester is masked for the department.
 */
final class TicketPageRoutes {
  private final ConsoleSession session;
  private final ConsoleView view;
  private final TicketService tickets;
  private final Deadlines deadlines;
  private final TicketPageModel model;
  private final TicketExtras extras;

  TicketPageRoutes(ConsoleSession session, ConsoleView view, TicketService tickets, Deadlines deadlines,
      TicketPageModel model, TicketExtras extras) {
    this.session = session;
    this.view = view;
    this.tickets = tickets;
    this.deadlines = deadlines;
    this.model = model;
    this.extras = extras;
  }

  void mount(Router root) {
    root.get("/tickets/:number").handler(ctx -> session.page(ctx, ConsoleHome.STAFF,
        viewer -> show(ctx, viewer, 200, notice(ctx.queryParams().get("done")), null, Map.of())));
    root.post("/tickets/:number/actions/:action").handler(ctx -> session.form(ctx, ConsoleHome.STAFF,
        viewer -> act(ctx, viewer)));
    root.post("/tickets/:number/reveal").handler(ctx -> session.form(ctx, EnumSet.of(Role.DEPARTMENT),
        viewer -> reveal(ctx, viewer)));
  }

  private Future<Void> show(RoutingContext ctx, Viewer viewer, int status, String notice, String error,
      Map<String, String> typed) {
    return show(ctx, viewer, status, notice, error, typed, null);
  }

  /**
   * The page; a department that assists on the ticket (协办) reads it too, as the API lets it read
   * the parts: its scope does not cover the ticket, so it is found unscoped once the part is checked.
   */
  private Future<Void> show(RoutingContext ctx, Viewer viewer, int status, String notice, String error,
      Map<String, String> typed, JsonObject revealed) {
    String number = ctx.pathParam("number");
    Future<TicketDetail> readable = tickets.detail(number, viewer.actor().scope())
        .recover(e -> extras.assists(number, viewer).compose(yes -> yes ? tickets.detail(number)
            : Future.<TicketDetail>failedFuture(e)));
    // Read access is settled above; the clock is read unscoped for the co-department too.
    return readable.compose(detail -> deadlines.view(number, null)
            .compose(clock -> extras.of(detail.ticket(), viewer).map(more -> {
              Map<String, Object> v = new HashMap<>(model.of(detail, clock, viewer));
              v.putAll(more);
              v.put("notice", notice);
              v.put("error", error);
              v.put("typed", typed);
              if (revealed != null) {
                v.put("revealed", revealed.getMap());
              }
              view.send(ctx, status, "ticket/view", viewer, v);
              return null;
            })));
  }

  /**
   * A department reveals a confidential requester's contacts, saying why (logged on the ticket and
   * in the security log): the page shows them this once; a reload masks them again.
   */
  private Future<Void> reveal(RoutingContext ctx, Viewer viewer) {
    String reason = text(ctx.request().formAttributes(), "reason", 500);
    return extras.reveal(ctx.pathParam("number"), viewer, reason, ClientAddress.of(ctx))
        .compose(shown -> show(ctx, viewer, 200, "已记录查看原因。", null, Map.of(), shown))
        .recover(e -> {
          if (e instanceof Problem p && p.kind() != Problem.Kind.NOT_FOUND) {
            return show(ctx, viewer, ConsoleErrors.status(p), null, ConsoleErrors.chinese(p),
                Map.of("action", "reveal"));
          }
          return Future.failedFuture(e);
        });
  }

  private Future<Void> act(RoutingContext ctx, Viewer viewer) {
    TicketAction action = TicketAction.parse(ctx.pathParam("action"));
    String number = ctx.pathParam("number");
    if (action == null || action == TicketAction.CREATE) {
      view.message(ctx, 404, viewer, "没有这个操作", "没有这个操作。");
      return Future.succeededFuture();
    }
    MultiMap form = ctx.request().formAttributes();
    ActionRequest request = new ActionRequest(text(form, "note", 2000), text(form, "department_id", 64),
        text(form, "reason", 2000), text(form, "master_number", 32), text(form, "policy", 64));
    return afterForm(ctx, viewer, action.name(), () -> tickets.act(number, action, viewer.actor(), request));
  }

  /**
   * Runs a form's change; done, back to where the form was (the ticket page, or the queue it was
   * on) with a notice; refused, the ticket page again with the reason and what was typed, so
   * nothing has to be typed twice.
   */
  Future<Void> afterForm(RoutingContext ctx, Viewer viewer, String done, Supplier<Future<?>> change) {
    MultiMap form = ctx.request().formAttributes();
    String back = backTo(form.get("return_to"), "/tickets/" + ctx.pathParam("number"));
    Future<?> changed;
    try {
      changed = change.get();
    } catch (RuntimeException e) {
      changed = Future.failedFuture(e);
    }
    return changed
        .map(t -> {
          ConsoleSession.redirect(ctx, back + (back.contains("?") ? "&" : "?") + "done=" + done);
          return (Void) null;
        })
        .recover(e -> {
          if (e instanceof Problem p && p.kind() != Problem.Kind.NOT_FOUND) {
            Map<String, String> typed = new HashMap<>();
            form.names().forEach(n -> typed.put(n, form.get(n)));
            typed.put("action", done);
            return show(ctx, viewer, ConsoleErrors.status(p), null, ConsoleErrors.chinese(p), typed);
          }
          return Future.failedFuture(e);
        });
  }

  private static final Map<String, String> OTHER_NOTICES = Map.of("extension", "已提交延期申请，等待中心审核。",
      "pause", "已提交暂停计时申请，等待中心审核。", "approve", "已批准。", "refuse", "已驳回。");

  private static String notice(String done) {
    if (done == null) {
      return null;
    }
    if (RatingFormRoutes.NOTICES.containsKey(done)) {
      return RatingFormRoutes.NOTICES.get(done);
    }
    TicketAction a = TicketAction.parse(done);
    return a != null ? "已" + a.label() + "。" : OTHER_NOTICES.get(done);
  }

  static String text(MultiMap form, String name, int max) {
    String v = form.get(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    String t = v.strip();
    return t.length() > max ? t.substring(0, max) : t;
  }

  /** Only a console path of this server (a queue the form was on), never another site. */
  static String backTo(String requested, String otherwise) {
    if (requested != null && requested.startsWith("/console/") && !requested.contains("//")
        && requested.chars().allMatch(c -> c > 0x20 && c != '\\')) {
      return requested;
    }
    return otherwise;
  }
}
