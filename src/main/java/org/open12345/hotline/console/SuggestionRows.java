package org.open12345.hotline.console;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.routing.DispatchQueue;
import org.open12345.hotline.routing.TextReading;

/**
 * The dispatch desk's suggestions: each queued free-text ticket's top 3 readings (department,
 * category, confidence, the words that decided), each with its 「采纳」 button's rank.
 */
final class SuggestionRows {
  private final DispatchQueue queue;
  private final DepartmentOptions departments;

  SuggestionRows(DispatchQueue queue, DepartmentOptions departments) {
    this.queue = queue;
    this.departments = departments;
  }

  /** Adds {@code suggestions} (a list, empty when none) to every row; rows carry their ticket's {@code id}. */
  Future<List<Map<String, Object>>> add(List<Map<String, Object>> rows) {
    List<Long> ids = rows.stream().map(r -> (Long) r.get("id")).toList();
    return queue.suggestions(ids).map(byTicket -> {
      for (Map<String, Object> r : rows) {
        List<Map<String, Object>> shown = new ArrayList<>();
        List<TextReading.Suggestion> found = byTicket.getOrDefault((Long) r.get("id"), List.of());
        for (int i = 0; i < found.size(); i++) {
          TextReading.Suggestion s = found.get(i);
          shown.add(Map.of("rank", i + 1, "category", s.categoryName(),
              "department", s.departmentId() == null ? "" : departments.name(s.departmentId()),
              "acceptable", s.departmentId() != null,
              "confidence", Math.round(s.confidence() * 100) + "%", "words", String.join("、", s.words())));
        }
        r.put("suggestions", shown);
      }
      return rows;
    });
  }
}
