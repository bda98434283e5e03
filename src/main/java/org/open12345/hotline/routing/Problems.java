package org.open12345.hotline.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** Collects validation errors so one load reports every problem at once, not just the first. */
final class Problems {
  private final List<ValidationError> errors = new ArrayList<>();

  void add(String file, int line, String message) {
    errors.add(new ValidationError(file, line, message));
  }

  void add(String file, Node node, String message) {
    add(file, lineOf(node), message);
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  int count() {
    return errors.size();
  }

  List<ValidationError> sorted() {
    List<ValidationError> copy = new ArrayList<>(errors);
    copy.sort(Comparator.comparing(ValidationError::file).thenComparingInt(ValidationError::line));
    return List.copyOf(copy);
  }

  static int lineOf(Node node) {
    if (node == null) {
      return 1;
    }
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
  }
}
