package org.open12345.hotline.routing;

import io.vertx.core.json.JsonObject;
import org.open12345.hotline.ticket.Ticket;

/**
 * One ticket of the manual dispatch queue (待派单) with what routing found: an emergency shows its
 * advised number and the word that raised it.
 *
 * @param decision null for a ticket routing never saw
 */
public record QueueEntry(Ticket ticket, Decision decision) {

  /** Routing's decision as the queue shows it. */
  public record Decision(RoutingDecision.Kind kind, String ruleId, String emergencyNumber, String emergencyWord,
      java.util.List<TextReading.Suggestion> suggestions) {
    public Decision {
      suggestions = suggestions == null ? java.util.List.of() : java.util.List.copyOf(suggestions);
    }
  }

  /** The free-text suggestions stored with the ticket (best first), empty when it has none. */
  public java.util.List<TextReading.Suggestion> suggestions() {
    return decision == null ? java.util.List.of() : decision.suggestions();
  }

  public boolean isEmergency() {
    return decision != null && decision.kind() == RoutingDecision.Kind.EMERGENCY;
  }

  public JsonObject toJson() {
    Ticket t = ticket;
    String d = t.description();
    JsonObject j = new JsonObject()
        .put("number", t.number())
        .put("channel", t.channel().name())
        .put("urgency", t.urgency().name())
        .put("urgency_label", t.urgency().label())
        .put("request_type", t.requestType().name())
        .put("category_code", t.categoryCode())
        .put("area_code", t.areaCode())
        .put("summary", d.length() > 100 ? d.substring(0, 100) + "…" : d)
        .put("created_at", t.createdAt().toString())
        .put("rule_id", decision == null ? null : decision.ruleId())
        .put("suggestions", StoredSuggestions.toJson(suggestions()));
    if (isEmergency()) {
      j.put("emergency", new JsonObject().put("number", decision.emergencyNumber())
          .put("matched_word", decision.emergencyWord()));
    }
    return j;
  }
}
