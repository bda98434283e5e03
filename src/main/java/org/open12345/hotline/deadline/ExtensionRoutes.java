package org.open12345.hotline.deadline;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Actors;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.notify.NewMessage;
import org.open12345.hotline.notify.Outbox;
import org.open12345.hotline.notify.template.MessageTemplates;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketEventLog;
import org.open12345.hotline.ticket.TicketStatus;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.JsonFields;

/**
 * 延期: {@code POST /tickets/{number}/extensions} (the ticket's department, before resolve-by,
 * one pending request at a time) and {@code .../extensions/{id}/approve|refuse} (dispatcher or
 * supervisor, with a reason). Approval moves resolve-by and its steps and tells the citizen.
 */
public final class ExtensionRoutes {
  private static final Set<Role> CENTRE = EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR);
  private static final Set<TicketStatus> WORKING = EnumSet.of(TicketStatus.DISPATCHED, TicketStatus.SIGNED,
      TicketStatus.REOPENED);

  private final Pool pool;
  private final TicketAccess access;
  private final DeadlineUpdates updates;
  private final TicketDeadlineRules rules;
  private final DeadlineCalculator calculator;
  private final Outbox outbox;
  private final MessageTemplates templates;
  private final Clock clock;

  public ExtensionRoutes(Pool pool, org.open12345.hotline.ticket.TicketRepository tickets, DeadlineUpdates updates,
      TicketDeadlineRules rules, DeadlineCalculator calculator, Outbox outbox, MessageTemplates templates,
      Clock clock) {
    this.pool = pool;
    this.access = new TicketAccess(tickets);
    this.updates = updates;
    this.rules = rules;
    this.calculator = calculator;
    this.outbox = outbox;
    this.templates = templates;
    this.clock = clock;
  }

  public void mount(Router api) {
    api.post("/tickets/:number/extensions").handler(this::request);
    api.post("/tickets/:number/extensions/:id/:decision").handler(this::decide);
  }

  private void request(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    if (actor.role() != Role.DEPARTMENT) {
      throw new ApiException(403, "forbidden_action", "only the ticket's department asks for an extension", null);
    }
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
    TimeSpan s = span;
    LocalDate u = untilDate;
    Instant now = clock.instant();
    pool.withTransaction(tx -> access.lock(tx, ctx.pathParam("number"), actor, Set.of(), true)
            .compose(t -> updates.store().lock(tx, t.id()).compose(found -> {
              TicketDeadlines d = found.orElseThrow(() -> TicketAccess.conflict("no_deadlines",
                  "ticket " + t.number() + " has no deadlines (not dispatched)"));
              Deadline resolve = d.get(DeadlineKind.RESOLVE).filter(r -> !r.isMet()).orElseThrow(() ->
                  TicketAccess.conflict("nothing_to_extend", "ticket " + t.number() + " has no open resolve deadline"));
              if (!WORKING.contains(t.status())) {
                throw TicketAccess.conflict("wrong_state", "ticket " + t.number() + " is " + t.status());
              }
              if (now.isAfter(resolve.dueAt())) {
                throw TicketAccess.conflict("too_late",
                    "an extension must be asked before the deadline " + resolve.dueAt());
              }
              return tx.preparedQuery("INSERT INTO deadline_extensions (ticket_id, department_id, requested_by, span, "
                      + "until_date, reason, old_resolve_by, requested_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                      + "RETURNING *")
                  .execute(Tuple.from(new Object[] {t.id(), actor.department(), actor.id(),
                      s == null ? null : s.toString(), u, reason, resolve.dueAt().atOffset(ZoneOffset.UTC),
                      now.atOffset(ZoneOffset.UTC)}))
                  .recover(e -> Future.failedFuture(e instanceof PgException pg && "23505".equals(pg.getSqlState())
                      ? TicketAccess.conflict("extension_pending", "ticket " + t.number()
                          + " already has a pending extension request") : e))
                  .compose(rows -> {
                    JsonObject ext = json(rows.iterator().next());
                    return TicketEventLog.append(tx, t.id(), now, actor, "EXTENSION_REQUESTED", t.status(), t.status(),
                        new JsonObject().put("extension_id", ext.getLong("id")).put("span", ext.getString("span"))
                            .put("until", ext.getString("until")).put("reason", reason))
                        .map(ext);
                  });
            })))
        .onSuccess(ext -> JsonBody.reply(ctx, 201, ext))
        .onFailure(ctx::fail);
  }

  private void decide(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    String decision = ctx.pathParam("decision");
    if (!decision.equals("approve") && !decision.equals("refuse")) {
      throw new ApiException(404, "unknown_action", "no decision '" + decision + "' (approve or refuse)", null);
    }
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ApiException.notFound("no extension " + ctx.pathParam("id"));
    }
    String reason = new JsonFields(JsonBody.of(ctx)).onlyKnown(Set.of("reason")).requiredText("reason", 2000);
    Instant now = clock.instant();
    pool.withTransaction(tx -> access.lock(tx, ctx.pathParam("number"), actor, CENTRE, false)
            .compose(t -> tx.preparedQuery("SELECT * FROM deadline_extensions WHERE id = $1 AND ticket_id = $2 FOR UPDATE")
                .execute(Tuple.of(id, t.id()))
                .compose(rows -> {
                  if (!rows.iterator().hasNext()) {
                    throw ApiException.notFound("no extension " + id + " on ticket " + t.number());
                  }
                  Row ext = rows.iterator().next();
                  if (!"pending".equals(ext.getString("status"))) {
                    throw TicketAccess.conflict("already_decided", "extension " + id + " is " + ext.getString("status"));
                  }
                  return decision.equals("approve") ? approve(tx, t, ext, actor, reason, now)
                      : refuse(tx, t, ext, actor, reason, now);
                })))
        .onSuccess(ext -> JsonBody.reply(ctx, 200, ext))
        .onFailure(ctx::fail);
  }

  private Future<JsonObject> refuse(SqlConnection tx, Ticket t, Row ext, Actor actor, String reason, Instant now) {
    return finish(tx, ext.getLong("id"), "refused", null, actor, reason, now)
        .compose(json -> TicketEventLog.append(tx, t.id(), now, actor, "EXTENSION_REFUSED", t.status(), t.status(),
            new JsonObject().put("extension_id", json.getLong("id")).put("reason", reason)).map(json));
  }

  private Future<JsonObject> approve(SqlConnection tx, Ticket t, Row ext, Actor actor, String reason, Instant now) {
    return updates.store().lock(tx, t.id()).compose(found -> {
      TicketDeadlines d = found.orElseThrow(() -> TicketAccess.conflict("no_deadlines", "ticket has no deadlines"));
      TicketDeadlines next;
      try {
        next = ext.getString("span") != null
            ? rules.extend(d, TimeSpan.parse(ext.getString("span")))
            : rules.extendTo(d, ext.getLocalDate("until_date"));
      } catch (IllegalStateException | IllegalArgumentException e) {
        throw TicketAccess.conflict("cannot_extend", e.getMessage());
      }
      Instant newDue = next.resolveBy().orElseThrow();
      String newDeadline = calculator.dateOf(newDue) + (newDue.atZone(calculator.zone()).toLocalTime()
          .equals(DeadlineCalculator.MIDNIGHT_END) ? "" : " " + newDue.atZone(calculator.zone()).toLocalTime()
          .withSecond(0).withNano(0));
      String sms = templates.render("sms/deadline-extended", Map.of("ticketNo", t.number(), "newDeadline", newDeadline))
          .text();
      return finish(tx, ext.getLong("id"), "approved", newDue, actor, reason, now)
          .compose(json -> updates.apply(tx, t, next, "EXTENSION_APPROVED", actor, now,
                  new JsonObject().put("extension_id", json.getLong("id")).put("reason", reason)
                      .put("old_resolve_by", d.resolveBy().map(Instant::toString).orElse(null))
                      .put("new_resolve_by", newDue.toString()))
              .compose(v -> outbox.enqueue(tx, new NewMessage("deadline-extended", "sms", t.citizenPhone(), null, sms,
                  null, "extension-sms:" + json.getLong("id"), new JsonObject().put("extension_id", json.getLong("id"))
                      .put("vars", new JsonObject().put("ticketNo", t.number()).put("newDeadline", newDeadline)),
                  t.id(), true)))
              .map(json));
    });
  }

  private Future<JsonObject> finish(SqlConnection tx, long id, String status, Instant newDue, Actor actor,
      String reason, Instant now) {
    return tx.preparedQuery("UPDATE deadline_extensions SET status = $2, new_resolve_by = $3, decided_by = $4, "
            + "decision_reason = $5, decided_at = $6 WHERE id = $1 RETURNING *")
        .execute(Tuple.of(id, status, newDue == null ? null : newDue.atOffset(ZoneOffset.UTC), actor.id(), reason,
            now.atOffset(ZoneOffset.UTC)))
        .map(rows -> json(rows.iterator().next()));
  }

  static JsonObject json(Row r) {
    return new JsonObject()
        .put("id", r.getLong("id"))
        .put("department_id", r.getString("department_id"))
        .put("requested_by", r.getString("requested_by"))
        .put("span", r.getString("span"))
        .put("until", r.getLocalDate("until_date") == null ? null : r.getLocalDate("until_date").toString())
        .put("reason", r.getString("reason"))
        .put("status", r.getString("status"))
        .put("old_resolve_by", text(r, "old_resolve_by"))
        .put("new_resolve_by", text(r, "new_resolve_by"))
        .put("decided_by", r.getString("decided_by"))
        .put("decision_reason", r.getString("decision_reason"))
        .put("requested_at", text(r, "requested_at"))
        .put("decided_at", text(r, "decided_at"));
  }

  private static String text(Row r, String col) {
    var v = r.getOffsetDateTime(col);
    return v == null ? null : v.toInstant().toString();
  }
}
