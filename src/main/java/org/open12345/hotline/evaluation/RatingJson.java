package org.open12345.hotline.evaluation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** The JSON shapes of ratings, appeals and cases, shared by the evaluation routes. */
final class RatingJson {
  private RatingJson() {}

  static JsonObject rating(StoredRating r, String ticketNumber) {
    return new JsonObject().put("id", r.id()).put("ticket_number", ticketNumber).put("call_pk", r.callPk())
        .put("department_id", r.departmentId()).put("round", r.round()).put("prompt_id", r.promptId())
        .put("source", r.source()).put("level", r.level().name()).put("level_label", r.level().label())
        .put("level_code", r.level().code()).put("bad", r.level().isBad()).put("status", r.status())
        .put("raw_text", r.rawText()).put("confidence", r.confidence()).put("matched", r.matched())
        .put("comment", r.comment()).put("settled_by", r.settledBy())
        .put("inbound_message_id", r.inboundMessageId()).put("case_id", r.caseId())
        .put("created_at", r.createdAt().toString()).put("excluded", r.excludedAt() != null)
        .put("excluded_at", str(r.excludedAt())).put("excluded_reason", r.excludedReason())
        .put("appeal", r.appeal() == null ? null : appeal(r.appeal()));
  }

  static JsonObject appeal(RatingAppeal a) {
    return new JsonObject().put("id", a.id()).put("rating_id", a.ratingId()).put("department_id", a.departmentId())
        .put("appealed_by", a.appealedBy()).put("reason", a.reason()).put("evidence", a.evidence())
        .put("appealed_at", a.appealedAt().toString()).put("window_ends_at", a.windowEndsAt().toString())
        .put("status", a.status()).put("decided_by", a.decidedBy()).put("decided_at", str(a.decidedAt()))
        .put("decision_reason", a.decisionReason());
  }

  static JsonObject ratingCase(RatingCase c, String ticketNumber) {
    return new JsonObject().put("id", c.id()).put("ticket_number", ticketNumber).put("department_id", c.departmentId())
        .put("status", c.status().name()).put("status_label", c.status().label())
        .put("callback_by", c.callbackBy().name()).put("opened_at", c.openedAt().toString())
        .put("callback_due_at", c.callbackDueAt().toString()).put("fix_due_at", c.fixDueAt().toString())
        .put("called_back_at", str(c.calledBackAt())).put("called_back_by", c.calledBackBy())
        .put("citizen_reached", c.citizenReached()).put("call_attempts", c.callAttempts())
        .put("citizen_account", c.citizenAccount()).put("founded", c.founded())
        .put("callback_note", c.callbackNote()).put("fixed_at", str(c.fixedAt())).put("fixed_by", c.fixedBy())
        .put("fix_text", c.fixText()).put("explained_at", str(c.explainedAt())).put("explained_by", c.explainedBy())
        .put("explanation", c.explanation()).put("re_rate_prompt_id", c.reRatePromptId())
        .put("closed_at", str(c.closedAt())).put("closed_by", c.closedBy()).put("close_reason", c.closeReason())
        .put("close_note", c.closeNote()).put("rating_ids", new JsonArray(c.ratingIds()));
  }

  private static String str(Instant i) {
    return i == null ? null : i.toString();
  }
}
