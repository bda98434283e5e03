package org.open12345.hotline.intake;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.Locale;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Actors;
import org.open12345.hotline.evaluation.RatingLevel;
import org.open12345.hotline.intake.sms.UnparsedReplies;
import org.open12345.hotline.ticket.PhoneNumbers;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.JsonFields;

/**
 * {@code GET /api/inbound?status=unparsed}: inbound SMS by outcome (unparsed replies wait here for a
 * person, who settles each with {@code POST /api/inbound/{id}/settle}), and
 * {@code GET /api/inbound/rejects}: payloads refused as malformed.
 */
public final class InboundRoutes {
  private static final Set<String> OUTCOMES = Set.of("pending", "ticket", "rating", "rating_duplicate",
      "rating_late", "unparsed", "emergency", "follow_up", "opt_out", "settled", "dismissed");
  private final InboundService inbound;
  private final UnparsedReplies unparsed;

  public InboundRoutes(InboundService inbound, UnparsedReplies unparsed) {
    this.inbound = inbound;
    this.unparsed = unparsed;
  }

  /** The routes under {@code /api/inbound}. */
  public Router router(Vertx vertx) {
    Router r = Router.router(vertx);
    r.get("/").handler(this::list);
    r.get("/rejects").handler(this::rejects);
    r.post("/:id/settle").handler(this::settle);
    return r;
  }

  /**
   * {@code {"decision": "rate", "level": "不满意", "ticket_number": "…"}}, {@code {"decision": "dismiss"}}
   * or {@code {"decision": "ticket"}}, each with an optional {@code note}.
   */
  private void settle(RoutingContext ctx) {
    Actor actor = Actors.of(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ApiException.notFound("no inbound message " + ctx.pathParam("id"));
    }
    JsonFields f = new JsonFields(JsonBody.of(ctx)).onlyKnown(Set.of("decision", "level", "ticket_number", "note"));
    String decisionText = f.requiredText("decision", 16);
    UnparsedReplies.Decision decision;
    try {
      decision = UnparsedReplies.Decision.valueOf(decisionText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badField("decision", "one of rate, dismiss, ticket");
    }
    RatingLevel level = null;
    Object levelValue = f.raw().getValue("level");
    if (decision == UnparsedReplies.Decision.RATE) {
      level = (levelValue instanceof Integer n ? RatingLevel.ofCode(n)
          : levelValue instanceof String t ? RatingLevel.parse(t) : java.util.Optional.<RatingLevel>empty())
          .orElseThrow(() -> ApiException.badField("level", "required to rate: 1-5, a level name or its label"));
    } else if (levelValue != null) {
      throw ApiException.badField("level", "only with decision rate");
    }
    String number = f.optionalText("ticket_number", 32);
    unparsed.settle(id, actor, new UnparsedReplies.Settlement(decision, level, number, f.optionalText("note", 2000)))
        .onSuccess(m -> JsonBody.reply(ctx, 200, m.toJson()))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    String status = ctx.queryParams().get("status");
    if (status != null && !OUTCOMES.contains(status)) {
      throw ApiException.badField("status", "must be one of " + String.join(", ", OUTCOMES));
    }
    String phone = ctx.queryParams().get("phone");
    inbound.messages(status, phone == null ? null : PhoneNumbers.normalize(phone))
        .onSuccess(found -> {
          JsonArray items = new JsonArray();
          found.forEach(m -> items.add(m.toJson()));
          JsonBody.reply(ctx, 200, new JsonObject().put("items", items));
        })
        .onFailure(ctx::fail);
  }

  private void rejects(RoutingContext ctx) {
    inbound.rejects()
        .onSuccess(found -> {
          JsonArray items = new JsonArray();
          found.forEach(r -> items.add(r.toJson()));
          JsonBody.reply(ctx, 200, new JsonObject().put("items", items));
        })
        .onFailure(ctx::fail);
  }
}
