package org.open12345.hotline.console;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.deadline.Extensions;
import org.open12345.hotline.deadline.PauseReason;
import org.open12345.hotline.deadline.PauseRequests;
import org.open12345.hotline.deadline.TimeSpan;
import org.open12345.hotline.problem.InvalidField;

/**
 * The ticket page's forms about its clock: the department asks for an extension (延期) or a
 * pause, the centre approves or refuses a pending one. Each acts through the deadline feature's
 * services, as the API's routes do, and comes back to the ticket page.
 */
final class ClockRequestRoutes {
  private static final EnumSet<Role> CENTRE = EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR);
  private final ConsoleSession session;
  private final Extensions extensions;
  private final PauseRequests pauses;

  ClockRequestRoutes(ConsoleSession session, Extensions extensions, PauseRequests pauses) {
    this.session = session;
    this.extensions = extensions;
    this.pauses = pauses;
  }

  void mount(Router root, TicketPageRoutes page) {
    root.post("/tickets/:number/extension").handler(ctx -> session.form(ctx, EnumSet.of(Role.DEPARTMENT),
        viewer -> page.afterForm(ctx, viewer, "extension", () -> extensions.request(number(ctx), viewer.actor(),
            span(ctx.request().formAttributes()), null, required(ctx, "reason")))));
    root.post("/tickets/:number/pause-request").handler(ctx -> session.form(ctx, EnumSet.of(Role.DEPARTMENT),
        viewer -> page.afterForm(ctx, viewer, "pause", () -> pauses.request(number(ctx), viewer.actor(),
            pauseReason(ctx), text(ctx, "note")))));
    root.post("/tickets/:number/extensions/:id/:decision").handler(ctx -> session.form(ctx, CENTRE,
        viewer -> page.afterForm(ctx, viewer, ctx.pathParam("decision"), () -> approve(ctx)
            ? extensions.approve(number(ctx), id(ctx), viewer.actor(), text(ctx, "reason"))
            : extensions.refuse(number(ctx), id(ctx), viewer.actor(), required(ctx, "reason")))));
    root.post("/tickets/:number/pause-requests/:id/:decision").handler(ctx -> session.form(ctx, CENTRE,
        viewer -> page.afterForm(ctx, viewer, ctx.pathParam("decision"), () -> approve(ctx)
            ? pauses.approve(number(ctx), id(ctx), viewer.actor(), text(ctx, "reason"))
            : pauses.refuse(number(ctx), id(ctx), viewer.actor(), required(ctx, "reason")))));
  }

  private static String number(RoutingContext ctx) {
    return ctx.pathParam("number");
  }

  private static boolean approve(RoutingContext ctx) {
    String d = ctx.pathParam("decision");
    if (!d.equals("approve") && !d.equals("refuse")) {
      throw new InvalidField("decision", "is approve or refuse");
    }
    return d.equals("approve");
  }

  private static long id(RoutingContext ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new InvalidField("id", "is a number");
    }
  }

  private static TimeSpan span(MultiMap form) {
    try {
      return TimeSpan.parse(form.get("span"));
    } catch (IllegalArgumentException e) {
      throw new InvalidField("span", e.getMessage());
    }
  }

  private static PauseReason pauseReason(RoutingContext ctx) {
    PauseReason r = PauseReason.parse(ctx.request().getFormAttribute("reason"));
    if (r == null) {
      throw new InvalidField("reason", "is one of the listed pause reasons");
    }
    return r;
  }

  private static String required(RoutingContext ctx, String field) {
    String v = text(ctx, field);
    if (v == null) {
      throw new InvalidField(field, "is required");
    }
    return v;
  }

  private static String text(RoutingContext ctx, String field) {
    String v = ctx.request().getFormAttribute(field);
    return v == null || v.isBlank() ? null : v.strip();
  }

}
