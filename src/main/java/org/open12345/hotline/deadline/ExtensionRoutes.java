package org.open12345.hotline.deadline;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Actors;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.JsonFields;

/**
 * 延期 over HTTP: {@code POST /tickets/{number}/extensions} and
 * {@code .../extensions/{id}/approve|refuse}. The rules are {@link Extensions}'.
 */
public final class ExtensionRoutes {
  private final Extensions extensions;

  public ExtensionRoutes(Extensions extensions) {
    this.extensions = extensions;
  }

  public void mount(Router api) {
    api.post("/tickets/:number/extensions").handler(this::request);
    api.post("/tickets/:number/extensions/:id/:decision").handler(this::decide);
  }

  private void request(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    Extensions.requireRequester(actor);
    JsonFields f = new JsonFields(JsonBody.of(ctx)).onlyKnown(Set.of("days", "span", "until", "reason"));
    String reason = f.requiredText("reason", 2000);
    Object days = f.raw().getValue("days");
    String spanText = f.optionalText("span", 16);
    String until = f.optionalText("until", 10);
    int given = (days == null ? 0 : 1) + (spanText == null ? 0 : 1) + (until == null ? 0 : 1);
    if (given != 1) {
      throw ApiException.badField("days", "give exactly one of days (working days), span (e.g. 72h, 5wd) or until");
    }
    TimeSpan span = null;
    LocalDate untilDate = null;
    if (days != null) {
      if (!(days instanceof Integer n) || n < 1 || n > 60) {
        throw ApiException.badField("days", "must be a whole number of working days from 1 to 60");
      }
      span = new TimeSpan(n, TimeSpan.Unit.WORKING_DAYS);
    } else if (spanText != null) {
      try {
        span = TimeSpan.parse(spanText);
      } catch (IllegalArgumentException e) {
        throw ApiException.badField("span", e.getMessage());
      }
    } else {
      try {
        untilDate = LocalDate.parse(until);
      } catch (DateTimeParseException e) {
        throw ApiException.badField("until", "must be a date like 2026-03-20");
      }
    }
    extensions.request(ctx.pathParam("number"), actor, span, untilDate, reason)
        .onSuccess(ext -> JsonBody.reply(ctx, 201, json(ext)))
        .onFailure(ctx::fail);
  }

  private void decide(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    DecisionRoutes path = DecisionRoutes.of(ctx, "extension");
    String reason = new JsonFields(JsonBody.of(ctx)).onlyKnown(Set.of("reason")).requiredText("reason", 2000);
    String number = ctx.pathParam("number");
    (path.approve() ? extensions.approve(number, path.id(), actor, reason)
        : extensions.refuse(number, path.id(), actor, reason))
        .onSuccess(ext -> JsonBody.reply(ctx, 200, json(ext)))
        .onFailure(ctx::fail);
  }

  /** An extension as every answer shows it. */
  static JsonObject json(Extension e) {
    return new JsonObject()
        .put("id", e.id())
        .put("department_id", e.departmentId())
        .put("requested_by", e.requestedBy())
        .put("span", e.span())
        .put("until", e.until() == null ? null : e.until().toString())
        .put("reason", e.reason())
        .put("status", e.status())
        .put("old_resolve_by", text(e.oldResolveBy()))
        .put("new_resolve_by", text(e.newResolveBy()))
        .put("decided_by", e.decidedBy())
        .put("decision_reason", e.decisionReason())
        .put("requested_at", text(e.requestedAt()))
        .put("decided_at", text(e.decidedAt()));
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }
}
