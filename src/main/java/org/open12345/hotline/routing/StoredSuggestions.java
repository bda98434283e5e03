package org.open12345.hotline.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A free-text reading's suggestions as JSON: stored with a queued ticket, shown in the dispatch
 * queue, the explain answer and the ticket's ROUTE event. Ranks count from 1, best first.
 */
final class StoredSuggestions {
  private StoredSuggestions() {}

  static JsonArray toJson(List<TextReading.Suggestion> suggestions) {
    JsonArray out = new JsonArray();
    for (int i = 0; i < suggestions.size(); i++) {
      TextReading.Suggestion s = suggestions.get(i);
      out.add(new JsonObject().put("rank", i + 1).put("category_code", s.categoryCode())
          .put("category_name", s.categoryName()).put("department_id", s.departmentId())
          .put("confidence", s.confidence()).put("words", new JsonArray(s.words())));
    }
    return out;
  }

  static List<TextReading.Suggestion> fromJson(JsonArray stored) {
    if (stored == null) {
      return List.of();
    }
    List<TextReading.Suggestion> out = new ArrayList<>();
    for (int i = 0; i < stored.size(); i++) {
      JsonObject s = stored.getJsonObject(i);
      JsonArray words = s.getJsonArray("words", new JsonArray());
      List<String> w = new ArrayList<>();
      words.forEach(x -> w.add(String.valueOf(x)));
      out.add(new TextReading.Suggestion(s.getString("category_code"), s.getString("category_name"),
          s.getString("department_id"), s.getDouble("confidence", 0.0), w));
    }
    return out;
  }

  /** The suggestions to store with a decision: those of a queued ticket's reading, else none. */
  static JsonArray ofQueued(RoutingDecision d) {
    if (d.kind() != RoutingDecision.Kind.MANUAL || d.reading() == null || d.reading().isEmpty()) {
      return null;
    }
    return toJson(d.reading().suggestions());
  }
}
