package org.open12345.hotline.console;

import static org.open12345.hotline.console.ConsoleForms.id;
import static org.open12345.hotline.console.ConsoleForms.text;
import static org.open12345.hotline.console.ConsoleForms.thenBack;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.followup.FollowUpResult;
import org.open12345.hotline.followup.FollowUps;
import org.open12345.hotline.problem.InvalidField;
import org.open12345.hotline.ticket.PhoneNumbers;

/**
 * The operator desk's call parts: the extension the operator sits at ({@code POST
 * /console/operator/seat}), the caller panel a ringing call or a search loads ({@code GET
 * /console/operator/caller}), the queue of calls owed ({@code GET /console/operator/callbacks},
 * reloaded live) with a form to mark a 回拨 done and one to record a 回访 call's result.
 */
final class OperatorCallRoutes {
  private static final String DESK_PATH = "/console/operator";
  private static final EnumSet<Role> DESK = EnumSet.of(Role.OPERATOR, Role.DISPATCHER);
  private static final Map<String, String> NOTICES = Map.of("seat", "已设置分机，来电将自动弹屏。",
      "unseat", "已退出分机，不再弹屏。", "callback", "已标记回拨完成。", "follow-up", "已记录回访结果。");
  private final ConsoleSession session;
  private final ConsoleView view;
  private final OperatorDesk desk;
  private final FollowUps followUps;

  OperatorCallRoutes(ConsoleSession session, ConsoleView view, OperatorDesk desk, FollowUps followUps) {
    this.session = session;
    this.view = view;
    this.desk = desk;
    this.followUps = followUps;
  }

  static String notice(String done) {
    return done == null ? null : NOTICES.get(done);
  }

  void mount(Router root) {
    root.post("/console/operator/seat").handler(ctx -> session.form(ctx, DESK, viewer -> {
      String typed = ctx.request().getFormAttribute("extension");
      boolean leave = typed == null || typed.isBlank();
      return thenBack(ctx, DESK_PATH + "?done=" + (leave ? "unseat" : "seat"),
          () -> leave ? desk.seats().leave(viewer.actor()) : desk.seats().take(viewer.actor(), typed));
    }));
    root.get("/console/operator/caller").handler(ctx -> session.page(ctx, DESK, viewer -> {
      String phone = ctx.queryParams().get("phone");
      if (phone == null || phone.isBlank()) {
        throw new InvalidField("phone", "is required");
      }
      String normal = PhoneNumbers.normalize(phone.strip());
      return desk.callers().of(normal, viewer.actor()).map(caller -> {
        Map<String, Object> v = new HashMap<>();
        v.put("caller", caller);
        v.put("callId", ctx.queryParams().get("call"));
        view.send(ctx, 200, "operator/caller", viewer, v);
        return null;
      });
    }));
    root.get("/console/operator/callbacks").handler(ctx -> session.page(ctx, DESK, viewer ->
        desk.callbacks(viewer).map(v -> {
          view.send(ctx, 200, "operator/callbacks", viewer, v);
          return null;
        })));
    root.post("/console/operator/callback-tasks/:id/done").handler(ctx -> session.form(ctx, DESK, viewer ->
        thenBack(ctx, DESK_PATH + "?done=callback",
            () -> desk.tasks().done(id(ctx), viewer.actor(), text(ctx, "note")))));
    root.post("/console/operator/follow-ups/:number").handler(ctx -> session.form(ctx, DESK, viewer ->
        thenBack(ctx, DESK_PATH + "?done=follow-up", () -> followUps.recordCall(ctx.pathParam("number"), viewer.actor(),
            result(ctx), text(ctx, "note")))));
  }



  private static FollowUpResult result(RoutingContext ctx) {
    try {
      return FollowUpResult.valueOf(String.valueOf(ctx.request().getFormAttribute("result")));
    } catch (IllegalArgumentException e) {
      throw new InvalidField("result", "is SOLVED, NOT_SOLVED or NO_ANSWER");
    }
  }

}
