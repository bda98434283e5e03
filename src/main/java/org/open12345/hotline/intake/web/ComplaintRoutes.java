package org.open12345.hotline.intake.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.intake.FormBody;
import org.open12345.hotline.intake.IntakeTickets;
import org.open12345.hotline.intake.PayloadException;
import org.open12345.hotline.ticket.Channel;
import org.open12345.hotline.ticket.NewTicket;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketRepository;
import org.open12345.hotline.ticket.TicketStatus;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.JsonBody;

/**
 * The portal's complaint entry (public): {@code POST /api/complaints} (JSON), the HTML form at
 * {@code GET/POST /complaint}, and {@code GET /api/complaints/{number}?code=} for the citizen to
 * follow it. A lookup with a wrong code, or of a ticket that did not come from the web, is 404
 * exactly like an unknown number, so nothing about other people's tickets leaks.
 */
public final class ComplaintRoutes {
  private final Pool pool;
  private final IntakeTickets tickets;
  private final TicketRepository repository;
  private final ComplaintSettings settings;
  private final Clock clock;
  private final TokenBuckets perIp;
  private final TokenBuckets perPhone;
  private final TokenBuckets lookups;

  /** A complaint that was accepted: its number and the plain query code (shown once). */
  record Accepted(String number, String code) {}

  public ComplaintRoutes(Pool pool, IntakeTickets tickets, TicketRepository repository, ComplaintSettings settings,
      Clock clock) {
    this.pool = pool;
    this.tickets = tickets;
    this.repository = repository;
    this.settings = settings;
    this.clock = clock;
    this.perIp = new TokenBuckets(settings.submissionsPerIpPerHour(), Duration.ofHours(1), clock);
    this.perPhone = new TokenBuckets(settings.submissionsPerPhonePerDay(), Duration.ofDays(1), clock);
    this.lookups = new TokenBuckets(settings.lookupsPerIpPerHour(), Duration.ofHours(1), clock);
  }

  public void mountApi(Router api) {
    api.post("/complaints").handler(this::submitJson);
    api.get("/complaints/:number").handler(this::lookup);
  }

  public void mountPages(Router root) {
    root.get("/complaint").handler(ctx -> page(ctx, 200, ComplaintPages.form(Map.of(), null)));
    root.post("/complaint").handler(this::submitForm);
  }

  private void submitJson(RoutingContext ctx) {
    JsonObject body = JsonBody.of(ctx);
    Map<String, String> fields = new LinkedHashMap<>();
    for (String k : body.fieldNames()) {
      Object v = body.getValue(k);
      if (v != null && !(v instanceof String) && !(v instanceof Number)) {
        throw ApiException.badField(k, "应为文本（expected a string）");
      }
      fields.put(k, v == null ? null : v.toString());
    }
    NewTicket draft;
    try {
      draft = ComplaintDraft.parse(fields, settings, Channel.WEB);
    } catch (ComplaintRejected e) {
      throw ApiException.badField(e.field(), e.getMessage());
    }
    limit(ctx, draft);
    accept(ctx, draft)
        .onSuccess(a -> {
          ctx.response().putHeader("Location", "/api/complaints/" + a.number());
          JsonBody.reply(ctx, 201, new JsonObject().put("number", a.number()).put("query_code", a.code()));
        })
        .onFailure(ctx::fail);
  }

  private void submitForm(RoutingContext ctx) {
    Map<String, String> fields = new LinkedHashMap<>();
    try {
      String body = ctx.body().buffer() == null ? "" : ctx.body().buffer().toString(StandardCharsets.UTF_8);
      FormBody.parse(body).forEach((k, v) -> fields.put(k, v.isEmpty() ? null : v.get(0)));
    } catch (PayloadException e) {
      page(ctx, 400, ComplaintPages.form(Map.of(), "提交的内容无法识别，请重新填写。"));
      return;
    }
    Map<String, String> shown = new LinkedHashMap<>();
    fields.forEach((k, v) -> shown.put(k, v == null ? "" : v));
    NewTicket draft;
    try {
      draft = ComplaintDraft.parse(fields, settings, Channel.WEB);
      limit(ctx, draft);
    } catch (ComplaintRejected e) {
      page(ctx, 400, ComplaintPages.form(shown, e.getMessage()));
      return;
    } catch (ApiException e) {
      page(ctx, e.status(), ComplaintPages.form(shown, "提交过于频繁，请稍后再试。"));
      return;
    }
    accept(ctx, draft)
        .onSuccess(a -> page(ctx, 200, ComplaintPages.accepted(a.number(), a.code())))
        .onFailure(ctx::fail);
  }

  private void limit(RoutingContext ctx, NewTicket draft) {
    if (!perIp.tryTake(ip(ctx))) {
      throw new ApiException(429, "rate_limited", "提交过于频繁，请稍后再试（too many complaints from this address）",
          new JsonObject().put("limit", "submissions_per_ip_per_hour"));
    }
    if (!perPhone.tryTake(draft.citizenPhone())) {
      throw new ApiException(429, "rate_limited", "该号码今日提交次数已达上限，请明日再试（too many complaints for this phone）",
          new JsonObject().put("limit", "submissions_per_phone_per_day"));
    }
  }

  private Future<Accepted> accept(RoutingContext ctx, NewTicket draft) {
    String code = QueryCodes.generate();
    Actor citizen = new Actor("web:" + draft.citizenPhone(), Role.CITIZEN, null);
    return pool.withTransaction(tx -> tickets.create(tx, draft, citizen, new JsonObject().put("remote_ip", ip(ctx)),
            t -> tx.preparedQuery("INSERT INTO web_complaints (ticket_id, query_code_hash, remote_ip, created_at) "
                    + "VALUES ($1, $2, $3, $4)")
                .execute(Tuple.of(t.id(), QueryCodes.hash(t.number(), code), ip(ctx),
                    clock.instant().atOffset(ZoneOffset.UTC))))
        .map(t -> new Accepted(t.number(), code)));
  }

  private void lookup(RoutingContext ctx) {
    if (!lookups.tryTake(ip(ctx))) {
      throw new ApiException(429, "rate_limited", "查询过于频繁，请稍后再试（too many lookups from this address）", null);
    }
    String number = ctx.pathParam("number");
    String code = ctx.queryParams().get("code");
    ApiException notFound = ApiException.notFound("没有找到该工单，或查询码不正确（no complaint with this number and code）");
    pool.preparedQuery("SELECT w.query_code_hash FROM web_complaints w JOIN tickets t ON t.id = w.ticket_id "
            + "WHERE t.number = $1")
        .execute(Tuple.of(number))
        .compose(rows -> {
          if (rows.size() == 0 || !QueryCodes.matches(number, code, rows.iterator().next().getString(0))) {
            return Future.failedFuture(notFound);
          }
          return repository.findByNumber(pool, number).compose(t -> view(t.orElseThrow(() -> notFound)));
        })
        .onSuccess(json -> JsonBody.reply(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  private Future<JsonObject> view(Ticket t) {
    return pool.preparedQuery("SELECT at, details FROM ticket_events WHERE ticket_id = $1 AND action = 'REPLY' "
            + "ORDER BY id")
        .execute(Tuple.of(t.id()))
        .map(rows -> {
          JsonArray replies = new JsonArray();
          for (Row r : rows) {
            JsonObject d = (JsonObject) r.getValue(1);
            replies.add(new JsonObject().put("at", r.getOffsetDateTime(0).toInstant().toString())
                .put("text", d == null ? null : d.getString("note")));
          }
          TicketStatus s = t.status();
          return new JsonObject().put("number", t.number()).put("status", s.name()).put("status_label", s.label())
              .put("department_id", t.departmentId()).put("request_type", t.requestType().name())
              .put("description", t.description()).put("created_at", t.createdAt().toString())
              .put("updated_at", t.updatedAt().toString()).put("replies", replies);
        });
  }

  private static void page(RoutingContext ctx, int status, String html) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8").end(html);
  }

  private static String ip(RoutingContext ctx) {
    return ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().host();
  }
}
