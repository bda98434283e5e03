package org.open12345.hotline.deadline;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Actors;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.ticket.TicketRepository;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.JsonFields;

/**
 * {@code POST /tickets/{number}/clock/pause} with a reason from {@link PauseReason}, and
 * {@code /clock/resume}: by the centre, or by the ticket's own department (the one waiting for
 * the citizen's material). Each writes an event with the deadlines after the change.
 */
public final class ClockRoutes {
  private static final Set<Role> CENTRE = EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR);

  private final Pool pool;
  private final TicketAccess access;
  private final DeadlineUpdates updates;
  private final TicketDeadlineRules rules;
  private final Clock clock;

  public ClockRoutes(Pool pool, TicketRepository tickets, DeadlineUpdates updates, TicketDeadlineRules rules,
      Clock clock) {
    this.pool = pool;
    this.access = new TicketAccess(tickets);
    this.updates = updates;
    this.rules = rules;
    this.clock = clock;
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
    JsonObject details = new JsonObject();
    if (note != null) {
      details.put("note", note);
    }
    if (pause) {
      PauseReason reason = PauseReason.parse(f.requiredText("reason", 100));
      if (reason == null) {
        throw ApiException.badField("reason", "must be one of "
            + Arrays.stream(PauseReason.values()).map(r -> r.name() + " (" + r.label() + ")").toList());
      }
      details.put("reason", reason.name()).put("reason_label", reason.label());
    }
    Instant now = clock.instant();
    pool.withTransaction(tx -> access.lock(tx, ctx.pathParam("number"), actor, CENTRE, true)
            .compose(t -> updates.store().lock(tx, t.id()).compose(found -> {
              TicketDeadlines d = found.orElseThrow(() -> TicketAccess.conflict("no_deadlines",
                  "ticket " + t.number() + " has no deadlines (not dispatched)"));
              TicketDeadlines next;
              try {
                next = pause ? rules.pause(d, now) : rules.resume(d, now);
              } catch (IllegalStateException | IllegalArgumentException e) {
                throw TicketAccess.conflict(pause ? "already_paused" : "not_paused", e.getMessage());
              }
              return updates.apply(tx, t, next, pause ? "CLOCK_PAUSED" : "CLOCK_RESUMED", actor, now, details)
                  .map(v -> new JsonObject().put("number", t.number()).put("paused", next.isPaused())
                      .put("deadlines", DeadlineUpdates.summary(next)));
            })))
        .onSuccess(json -> JsonBody.reply(ctx, 200, json))
        .onFailure(ctx::fail);
  }
}
