package org.open12345.hotline.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A YAML mapping read through the node API so every value keeps its line. Scalars are taken as
 * their raw text: {@code 010100} stays a six-digit code and {@code 12345} a phone number, never a
 * number that lost its leading zero.
 */
final class YamlMap {
  private final String file;
  private final Node node;
  private final Problems problems;
  private final Map<String, Node> values = new LinkedHashMap<>();
  private final Map<String, Node> keys = new LinkedHashMap<>();

  private YamlMap(String file, MappingNode node, Problems problems) {
    this.file = file;
    this.node = node;
    this.problems = problems;
    for (NodeTuple t : node.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        problems.add(file, t.getKeyNode(), "a key must be a plain word");
        continue;
      }
      String key = k.getValue();
      if (values.containsKey(key)) {
        problems.add(file, k, "duplicate key '" + key + "'");
        continue;
      }
      values.put(key, t.getValueNode());
      keys.put(key, k);
    }
  }

  /** The mapping, or null (after reporting) when the node is something else. */
  static YamlMap of(String file, Node node, Problems problems, String what) {
    if (node instanceof MappingNode m) {
      return new YamlMap(file, m, problems);
    }
    problems.add(file, node, what + " must be a mapping of key: value");
    return null;
  }

  String file() {
    return file;
  }

  int line() {
    return Problems.lineOf(node);
  }

  int lineOf(String key) {
    Node v = values.get(key);
    return v != null ? Problems.lineOf(v) : line();
  }

  Node node(String key) {
    return values.get(key);
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  Set<String> keys() {
    return values.keySet();
  }

  /** Reports each key not in the allowed list, naming the allowed ones (catches typos). */
  void allowOnly(String what, String... allowed) {
    Set<String> ok = new TreeSet<>(List.of(allowed));
    for (Map.Entry<String, Node> e : keys.entrySet()) {
      if (!ok.contains(e.getKey())) {
        problems.add(
            file,
            e.getValue(),
            "unknown key '" + e.getKey() + "' in " + what + " (allowed: " + String.join(", ", ok) + ")");
      }
    }
  }

  /** Scalar text, or null when absent (reported if required) or not a scalar (reported). */
  String string(String key, boolean required, String what) {
    Node v = values.get(key);
    if (v == null) {
      if (required) {
        problems.add(file, node, what + " needs '" + key + "'");
      }
      return null;
    }
    if (v instanceof ScalarNode s) {
      String text = s.getValue().trim();
      if (text.isEmpty() && required) {
        problems.add(file, v, "'" + key + "' must not be empty");
        return null;
      }
      return text.isEmpty() ? null : text;
    }
    problems.add(file, v, "'" + key + "' must be a single value");
    return null;
  }

  /** A list of scalars; a single scalar is accepted as a one-item list. Empty when absent. */
  List<Scalar> strings(String key) {
    Node v = values.get(key);
    List<Scalar> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (v instanceof ScalarNode s) {
      if (!s.getValue().trim().isEmpty()) {
        out.add(new Scalar(s.getValue().trim(), Problems.lineOf(s)));
      }
      return out;
    }
    if (v instanceof SequenceNode seq) {
      for (Node item : seq.getValue()) {
        if (item instanceof ScalarNode s) {
          out.add(new Scalar(s.getValue().trim(), Problems.lineOf(s)));
        } else {
          problems.add(file, item, "'" + key + "' items must be single values");
        }
      }
      return out;
    }
    problems.add(file, v, "'" + key + "' must be a value or a list of values");
    return out;
  }

  boolean bool(String key, boolean fallback) {
    String text = string(key, false, "");
    if (text == null) {
      return fallback;
    }
    return switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "是" -> true;
      case "false", "no", "否" -> false;
      default -> {
        problems.add(file, values.get(key), "'" + key + "' must be true or false, not '" + text + "'");
        yield fallback;
      }
    };
  }

  /** Items of a list of mappings; reports items that are not mappings. Empty when absent. */
  List<YamlMap> maps(String key, String what) {
    Node v = values.get(key);
    List<YamlMap> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!(v instanceof SequenceNode seq)) {
      problems.add(file, v, "'" + key + "' must be a list");
      return out;
    }
    for (Node item : seq.getValue()) {
      YamlMap m = of(file, item, problems, what);
      if (m != null) {
        out.add(m);
      }
    }
    return out;
  }

  YamlMap map(String key, String what) {
    Node v = values.get(key);
    return v == null ? null : of(file, v, problems, what);
  }

  void error(String key, String message) {
    problems.add(file, lineOf(key), message);
  }

  void error(int line, String message) {
    problems.add(file, line, message);
  }

  /** A scalar with the line it came from, for errors found after parsing (cross references). */
  record Scalar(String text, int line) {}
}
