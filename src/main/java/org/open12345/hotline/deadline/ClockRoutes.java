package org.open12345.hotline.deadline;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Set;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Actors;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.JsonFields;

/**
 * {@code POST /tickets/{number}/clock/pause} (the centre) with a reason from {@link PauseReason},
 * and {@code /clock/resume}; the rules are {@link Deadlines#pause}'s and {@link Deadlines#resume}'s.
 * A department asks through {@link PauseRequestRoutes} instead.
 */
public final class ClockRoutes {
  private final Deadlines deadlines;

  public ClockRoutes(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  public void mount(Router api) {
    api.post("/tickets/:number/clock/pause").handler(ctx -> change(ctx, true));
    api.post("/tickets/:number/clock/resume").handler(ctx -> change(ctx, false));
  }

  private void change(RoutingContext ctx, boolean pause) {
    Actor actor = Actors.of(ctx);
    JsonObject body = ctx.body().buffer() == null || ctx.body().buffer().length() == 0
        ? new JsonObject() : JsonBody.of(ctx);
    JsonFields f = new JsonFields(body).onlyKnown(Set.of("reason", "note"));
    String note = f.optionalText("note", 2000);
    String number = ctx.pathParam("number");
    var changed = pause ? deadlines.pause(number, actor, reason(f), note) : deadlines.resume(number, actor, note);
    changed
        .onSuccess(c -> JsonBody.reply(ctx, 200, new JsonObject().put("number", c.number())
            .put("paused", c.deadlines().isPaused()).put("deadlines", TicketDeadlinesJson.summary(c.deadlines()))))
        .onFailure(ctx::fail);
  }

  /** The {@code reason} field: a {@link PauseReason} by name or Chinese label. */
  static PauseReason reason(JsonFields f) {
    PauseReason reason = PauseReason.parse(f.requiredText("reason", 100));
    if (reason == null) {
      throw ApiException.badField("reason", "must be one of "
          + Arrays.stream(PauseReason.values()).map(r -> r.name() + " (" + r.label() + ")").toList());
    }
    return reason;
  }
}
