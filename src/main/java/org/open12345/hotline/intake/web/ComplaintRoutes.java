package org.open12345.hotline.intake.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.open12345.hotline.evaluation.RatingLevel;
import org.open12345.hotline.evaluation.RatingService;
import org.open12345.hotline.intake.FormBody;
import org.open12345.hotline.intake.PayloadException;
import org.open12345.hotline.intake.idempotency.InvalidSubmissionKey;
import org.open12345.hotline.intake.idempotency.SubmissionKey;
import org.open12345.hotline.intake.idempotency.SubmissionKeyBusy;
import org.open12345.hotline.intake.idempotency.SubmissionKeyReused;
import org.open12345.hotline.ticket.Channel;
import org.open12345.hotline.ticket.NewTicket;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketStatus;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.ClientAddress;
import org.open12345.hotline.web.JsonFields;

/**
 * The portal's complaint entry (public): {@code POST /api/complaints} (JSON), the HTML form at
 * {@code GET/POST /complaint}, and {@code GET /api/complaints/{number}?code=} for the citizen to
 * follow it (and its page, {@code /complaint/status}, with the web rating).
 */
public final class ComplaintRoutes {
  private final ComplaintService complaints;
  private final ComplaintSettings settings;
  private final CitizenPageRoutes citizenPages;
  private final ComplaintPages forms;

  public ComplaintRoutes(ComplaintService complaints, ComplaintSettings settings, java.time.ZoneId zone) {
    this.complaints = complaints;
    this.settings = settings;
    CitizenPages pages = new CitizenPages();
    this.citizenPages = new CitizenPageRoutes(complaints, pages, zone);
    this.forms = new ComplaintPages(pages);
  }

  /** The JSON routes under {@code /api/complaints}. */
  public Router apiRouter(Vertx vertx) {
    Router r = Router.router(vertx);
    r.post("/").handler(this::submitJson);
    r.get("/:number").handler(this::lookup);
    r.post("/:number/rating").handler(this::rate);
    return r;
  }

  /** The HTML form at {@code /complaint}. */
  public Router pageRouter(Vertx vertx) {
    Router r = Router.router(vertx);
    r.get("/").handler(ctx -> forms.form(ctx, 200, Map.of(), null));
    r.post("/").handler(this::submitForm);
    citizenPages.mount(r);
    return r;
  }

  private void submitJson(RoutingContext ctx) {
    JsonObject body = JsonBody.of(ctx);
    Map<String, String> fields = new LinkedHashMap<>();
    for (String k : body.fieldNames()) {
      Object v = body.getValue(k);
      if (v != null && !(v instanceof String) && !(v instanceof Number) && !(v instanceof Boolean)) {
        throw ApiException.badField(k, "应为文本（expected a string）");
      }
      fields.put(k, v == null ? null : v.toString());
    }
    NewTicket draft;
    SubmissionKey key;
    try {
      draft = ComplaintDraft.parse(fields, settings, Channel.WEB);
      String header = ctx.request().getHeader(SubmissionKey.HEADER);
      key = header == null ? null : key(SubmissionKey.HEADER, header, fields);
    } catch (ComplaintRejected e) {
      throw ApiException.badField(e.field(), e.getMessage());
    }
    complaints.submit(draft, ip(ctx), key)
        .onSuccess(a -> {
          ctx.response().putHeader("Location", "/api/complaints/" + a.number());
          if (a.replayed()) {
            ctx.response().putHeader(SubmissionKey.REPLAYED_HEADER, "true");
          }
          JsonObject answer = new JsonObject().put("number", a.number()).put("query_code", a.code());
          if (a.emergency() != null) {
            answer.put("emergency", new JsonObject().put("number", a.emergency().number())
                .put("advice", EmergencyAdvice.of(a.emergency().number())));
          }
          JsonBody.reply(ctx, 201, answer);
        })
        .onFailure(ctx::fail);
  }

  private void submitForm(RoutingContext ctx) {
    Map<String, String> fields = new LinkedHashMap<>();
    try {
      String body = ctx.body().buffer() == null ? "" : ctx.body().buffer().toString(StandardCharsets.UTF_8);
      FormBody.parse(body).forEach((k, v) -> fields.put(k, v.isEmpty() ? null : v.get(0)));
    } catch (PayloadException e) {
      forms.form(ctx, 400, Map.of(), "提交的内容无法识别，请重新填写。");
      return;
    }
    // the page's token is not part of the complaint: it names this one submission of the form
    String token = fields.remove(ComplaintPages.TOKEN);
    Map<String, String> shown = new LinkedHashMap<>();
    fields.forEach((k, v) -> shown.put(k, v == null ? "" : v));
    NewTicket draft;
    SubmissionKey key;
    try {
      draft = ComplaintDraft.parse(fields, settings, Channel.WEB);
      key = token == null ? null : key(ComplaintPages.TOKEN, token, fields);
    } catch (ComplaintRejected e) {
      // the same token again (nothing was stored with it), unless the token is what was wrong
      if (token != null && !ComplaintPages.TOKEN.equals(e.field())) {
        shown.put(ComplaintPages.TOKEN, token);
      }
      forms.form(ctx, 400, shown, e.getMessage());
      return;
    }
    complaints.submit(draft, ip(ctx), key)
        .onSuccess(a -> forms.accepted(ctx, a.number(), a.code(),
            a.emergency() == null ? null : EmergencyAdvice.of(a.emergency().number())))
        .onFailure(e -> {
          // too many, or busy: nothing stored, so the page keeps its token (sent again, it is
          // still this one submission, and gets the earlier one's answer if that was stored)
          if (token != null && (e instanceof RateLimited || e instanceof SubmissionKeyBusy)) {
            shown.put(ComplaintPages.TOKEN, token);
          }
          if (e instanceof RateLimited) {
            forms.form(ctx, 429, shown, "提交过于频繁，请稍后再试。");
          } else if (e instanceof SubmissionKeyBusy) {
            forms.form(ctx, 409, shown, "您刚才的提交仍在处理中，请稍候片刻再点击提交。");
          } else if (e instanceof SubmissionKeyReused) {
            // this page was sent before with other text (the citizen went back and edited it):
            // a fresh token, so that sending it again is a new complaint
            forms.form(ctx, 422, shown, "此页面已提交过一份诉求，内容与本次不同。如需反映新的诉求，请确认内容后再次提交。");
          } else {
            ctx.fail(e);
          }
        });
  }

  /** The key of this header or form field, refused like any other invalid field. */
  private static SubmissionKey key(String field, String raw, Map<String, String> fields) throws ComplaintRejected {
    try {
      return SubmissionKey.of(raw, fields);
    } catch (InvalidSubmissionKey e) {
      throw new ComplaintRejected(field, e.getMessage());
    }
  }

  private void lookup(RoutingContext ctx) {
    complaints.lookup(ctx.pathParam("number"), ctx.queryParams().get("code"), ip(ctx))
        .onSuccess(c -> JsonBody.reply(ctx, 200, view(c)))
        .onFailure(ctx::fail);
  }

  /** {@code {"code": "K7M2QX", "level": 2 | "满意", "comment": "…"}}: the citizen's rating of a concluded complaint. */
  private void rate(RoutingContext ctx) {
    JsonFields f = new JsonFields(JsonBody.of(ctx)).onlyKnown(Set.of("code", "level", "comment"));
    String code = f.requiredText("code", 32);
    Object levelValue = f.raw().getValue("level");
    RatingLevel level = (levelValue instanceof Integer n ? RatingLevel.ofCode(n)
        : levelValue instanceof String t ? RatingLevel.parse(t) : Optional.<RatingLevel>empty())
        .orElseThrow(() -> ApiException.badField("level",
            "请选择评价：1非常满意 2满意 3基本满意 4不满意 5非常不满意（1-5, a level name or its label）"));
    String comment = f.optionalText("comment", 500);
    complaints.rate(ctx.pathParam("number"), code, ip(ctx), level, comment)
        .onSuccess(c -> JsonBody.reply(ctx, 201, view(c)))
        .onFailure(ctx::fail);
  }

  private static JsonObject rating(RatingService.Round round, boolean concluded) {
    JsonArray levels = new JsonArray();
    for (RatingLevel l : RatingLevel.values()) {
      levels.add(new JsonObject().put("code", l.code()).put("level", l.name()).put("label", l.label()));
    }
    return new JsonObject().put("round", round.round()).put("can_rate", concluded && round.open() && round.rated() == null)
        .put("expires_at", round.expiresAt() == null ? null : round.expiresAt().toString())
        .put("rated", round.rated() == null ? null
            : new JsonObject().put("level", round.rated().name()).put("label", round.rated().label()))
        .put("levels", levels);
  }

  private static JsonObject view(ComplaintService.Complaint c) {
    JsonArray replies = new JsonArray();
    c.replies().forEach(e -> replies.add(new JsonObject().put("at", e.at().toString())
        .put("text", e.details().getString("note"))));
    Ticket t = c.ticket();
    TicketStatus s = t.status();
    return new JsonObject().put("number", t.number()).put("status", s.name()).put("status_label", s.label())
        .put("department_id", t.departmentId()).put("request_type", t.requestType().name())
        .put("description", t.description()).put("created_at", t.createdAt().toString())
        .put("updated_at", t.updatedAt().toString()).put("replies", replies)
        .put("rating", rating(c.rating(), s.terminal()));
  }

  private static String ip(RoutingContext ctx) {
    return ClientAddress.of(ctx);
  }
}
