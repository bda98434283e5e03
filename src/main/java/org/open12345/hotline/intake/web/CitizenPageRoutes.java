package org.open12345.hotline.intake.web;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.open12345.hotline.evaluation.RatingLevel;
import org.open12345.hotline.problem.Problem;
import org.open12345.hotline.web.ClientAddress;

/**
 * The citizen's status page ({@code /complaint/status}: ticket number and query code, then the
 * state, the department's replies and, once concluded, the five-level rating form) and the rating
 * it posts ({@code POST /complaint/rating}). Public, through {@link ComplaintService} exactly like
 * {@code GET /api/complaints/{number}} and its rating: rate-limited per address, and a wrong code
 * answers like an unknown number. Number and code travel in the form body, not the address, so
 * they stay out of logs, history and referrers.
 */
final class CitizenPageRoutes {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final String NOT_FOUND = "没有找到该工单，或查询码不正确。请核对短信或受理页面上的工单号和查询码。";
  private final ComplaintService complaints;
  private final CitizenPages pages;
  private final ZoneId zone;

  CitizenPageRoutes(ComplaintService complaints, CitizenPages pages, ZoneId zone) {
    this.complaints = complaints;
    this.pages = pages;
    this.zone = zone;
  }

  /** On the {@code /complaint} page router. */
  void mount(Router r) {
    r.get("/status").handler(ctx -> {
      Map<String, Object> v = new HashMap<>();
      v.put("number", orEmpty(ctx.queryParams().get("number")));
      pages.send(ctx, 200, "status", v);
    });
    r.post("/status").handler(this::lookup);
    r.post("/rating").handler(this::rate);
  }

  private void lookup(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    String number = field(form, "number", 32);
    String code = field(form, "code", 32);
    Future<ComplaintService.Complaint> found = number.isEmpty() || code.isEmpty()
        ? Future.failedFuture(new org.open12345.hotline.problem.NotFound("number and code are required"))
        : complaints.lookup(number, code, ClientAddress.of(ctx));
    found.onSuccess(c -> show(ctx, 200, c, code, null, null))
        .onFailure(e -> refused(ctx, e, number));
  }

  private void rate(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    String number = field(form, "number", 32);
    String code = field(form, "code", 32);
    Optional<RatingLevel> level = RatingLevel.parse(form.get("level"));
    String comment = field(form, "comment", 500);
    if (level.isEmpty()) {
      complaints.lookup(number, code, ClientAddress.of(ctx))
          .onSuccess(c -> show(ctx, 400, c, code, "请选择一项评价。", comment))
          .onFailure(e -> refused(ctx, e, number));
      return;
    }
    complaints.rate(number, code, ClientAddress.of(ctx), level.get(), comment.isEmpty() ? null : comment)
        .onSuccess(c -> show(ctx, 200, c, code, null, null, "感谢您的评价！"))
        .onFailure(e -> {
          if (e instanceof Problem p && p.kind() == Problem.Kind.CONFLICT) {
            complaints.lookup(number, code, ClientAddress.of(ctx))
                .onSuccess(c -> show(ctx, 409, c, code, chinese(p), comment))
                .onFailure(again -> refused(ctx, again, number));
          } else {
            refused(ctx, e, number);
          }
        });
  }

  private void show(RoutingContext ctx, int status, ComplaintService.Complaint c, String code, String error,
      String comment) {
    show(ctx, status, c, code, error, comment, null);
  }

  private void show(RoutingContext ctx, int status, ComplaintService.Complaint c, String code, String error,
      String comment, String notice) {
    Map<String, Object> v = new HashMap<>();
    v.put("number", c.ticket().number());
    v.put("code", code);
    v.put("found", true);
    v.put("status", c.ticket().status().label());
    v.put("concluded", c.ticket().status().terminal());
    v.put("requestType", c.ticket().requestType().label());
    v.put("description", c.ticket().description());
    v.put("created", time(c.ticket().createdAt()));
    v.put("updated", time(c.ticket().updatedAt()));
    List<Map<String, String>> replies = new ArrayList<>();
    c.replies().forEach(e -> replies.add(Map.of("at", time(e.at()), "text", orEmpty(e.details().getString("note")))));
    v.put("replies", replies);
    var round = c.rating();
    v.put("canRate", c.ticket().status().terminal() && round.open() && round.rated() == null);
    v.put("rated", round.rated() == null ? null : round.rated().label());
    v.put("rateUntil", round.expiresAt() == null ? "" : time(round.expiresAt()));
    List<Map<String, Object>> levels = new ArrayList<>();
    for (RatingLevel l : RatingLevel.values()) {
      levels.add(Map.of("value", l.name(), "label", l.label(), "code", l.code()));
    }
    v.put("levels", levels);
    v.put("comment", comment == null ? "" : comment);
    v.put("error", error);
    v.put("notice", notice);
    pages.send(ctx, status, "status", v);
  }

  /** Not found (or a wrong code), too many lookups: the lookup form again, saying so; nothing else leaks. */
  private void refused(RoutingContext ctx, Throwable e, String number) {
    Map<String, Object> v = new HashMap<>();
    v.put("number", number);
    if (e instanceof Problem p && p.kind() == Problem.Kind.TOO_MANY) {
      v.put("error", "查询过于频繁，请稍后再试。");
      pages.send(ctx, 429, "status", v);
    } else if (e instanceof Problem p && (p.kind() == Problem.Kind.NOT_FOUND || p.kind() == Problem.Kind.INVALID)) {
      v.put("error", NOT_FOUND);
      pages.send(ctx, 404, "status", v);
    } else {
      ctx.fail(e);
    }
  }

  /** The Chinese sentence of a service's refusal (its messages say it first, the English in brackets). */
  private static String chinese(Problem p) {
    String m = p.getMessage();
    int bracket = m.indexOf('（');
    return bracket > 0 ? m.substring(0, bracket) + "。" : "暂时无法评价。";
  }

  private String time(Instant t) {
    return t == null ? "" : TIME.format(t.atZone(zone));
  }

  private static String field(MultiMap form, String name, int max) {
    String v = form.get(name);
    if (v == null) {
      return "";
    }
    String t = v.strip();
    return t.length() > max ? t.substring(0, max) : t;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
