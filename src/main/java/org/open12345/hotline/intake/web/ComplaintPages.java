package org.open12345.hotline.intake.web;

import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The complaint form and its answer page ({@code templates/pages/citizen/form|accepted}): no
 * script, no inline style (the shared style sheet), sent with the citizen pages' strict headers.
 */
final class ComplaintPages {
  /**
   * The form's hidden field naming one submission of the page: sent again (a reload after a
   * timeout, a second click), it gives the same ticket instead of a second one.
   */
  static final String TOKEN = "submission_token";
  private static final List<String> REQUEST_TYPES = List.of("投诉", "求助", "咨询", "举报", "建议", "表扬");
  private final CitizenPages pages;

  ComplaintPages(CitizenPages pages) {
    this.pages = pages;
  }

  /**
   * The form, with what the citizen typed and the reason it was refused (null: a fresh form). Its
   * token is the one in {@code values}, if any (a refused form whose submission stored nothing),
   * else a new one.
   */
  void form(RoutingContext ctx, int status, Map<String, String> values, String error) {
    Map<String, Object> v = new HashMap<>();
    String token = values.get(TOKEN);
    v.put("token", token == null || token.isEmpty() ? UUID.randomUUID().toString() : token);
    v.put("values", values);
    v.put("requestTypes", REQUEST_TYPES);
    v.put("error", error);
    pages.send(ctx, status, "form", v);
  }

  /** @param emergencyAdvice call-now advice for a text naming an emergency, shown first; null for none */
  void accepted(RoutingContext ctx, String number, String code, String emergencyAdvice) {
    Map<String, Object> v = new HashMap<>();
    v.put("number", number);
    v.put("code", code);
    v.put("emergency", emergencyAdvice);
    pages.send(ctx, 200, "accepted", v);
  }
}
