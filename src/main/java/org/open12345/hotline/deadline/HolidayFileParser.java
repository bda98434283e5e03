package org.open12345.hotline.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads one {@code YYYY.yaml} holiday file (format in routing-rules/calendar/README.md). Every
 * problem is reported as {@code file:line: message}: a wrong date here moves deadlines by days, so
 * nothing is skipped or guessed.
 */
public final class HolidayFileParser {

  private static final Set<String> TOP_KEYS = Set.of("year", "source", "holidays");
  private static final Set<String> HOLIDAY_KEYS = Set.of("name", "from", "to", "worked");

  private final String file;

  private HolidayFileParser(String file) {
    this.file = file;
  }

  /**
   * @param file the name used in error messages (normally the path)
   * @param expectedYear the year the file name promises, or null to accept the file's own year
   */
  public static HolidayYear parse(String file, String text, Integer expectedYear) {
    return new HolidayFileParser(file).parse(text, expectedYear);
  }

  private HolidayYear parse(String text, Integer expectedYear) {
    Node root;
    try {
      root =
          new Compose(LoadSettings.builder().setLabel(file).build())
              .composeString(text)
              .orElseThrow(() -> new CalendarFileException(file + ":1: the file is empty"));
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(1);
      throw new CalendarFileException(file + ":" + line + ": not valid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw new CalendarFileException(file + ":1: not valid YAML: " + e.getMessage());
    }
    Map<String, NodeTuple> top = mapping(root, TOP_KEYS, "the file");
    NodeTuple yearEntry = required(top, "year", root);
    int year = integer(yearEntry.getValueNode(), "year");
    if (expectedYear != null && year != expectedYear) {
      throw error(
          yearEntry.getValueNode(),
          "year " + year + " does not match the file name, which promises " + expectedYear);
    }
    String source = text(required(top, "source", root).getValueNode(), "source");
    Node list = required(top, "holidays", root).getValueNode();
    if (!(list instanceof SequenceNode seq)) {
      throw error(list, "holidays must be a list of {name, from, to, worked}");
    }
    List<Holiday> holidays = new ArrayList<>();
    List<Node> holidayNodes = new ArrayList<>();
    for (Node item : seq.getValue()) {
      holidays.add(holiday(item, year));
      holidayNodes.add(item);
    }
    checkConsistent(holidays, holidayNodes);
    return new HolidayYear(year, source, holidays);
  }

  private Holiday holiday(Node item, int year) {
    Map<String, NodeTuple> m = mapping(item, HOLIDAY_KEYS, "a holiday");
    String name = text(required(m, "name", item).getValueNode(), "name");
    LocalDate from = date(required(m, "from", item).getValueNode(), year);
    Node toNode = required(m, "to", item).getValueNode();
    LocalDate to = date(toNode, year);
    if (to.isBefore(from)) {
      throw error(toNode, name + ": 'to' " + to + " is before 'from' " + from);
    }
    List<LocalDate> worked = new ArrayList<>();
    NodeTuple workedEntry = m.get("worked");
    if (workedEntry != null) {
      Node w = workedEntry.getValueNode();
      if (!(w instanceof SequenceNode ws)) {
        throw error(w, name + ": 'worked' must be a list of dates, e.g. [2026-02-14] or []");
      }
      for (Node d : ws.getValue()) {
        LocalDate day = date(d, year);
        DayOfWeek dow = day.getDayOfWeek();
        if (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) {
          throw error(
              d, name + ": worked day " + day + " is a " + dow + ", only a weekend day can be worked in exchange");
        }
        worked.add(day);
      }
    }
    return new Holiday(name, from, to, worked);
  }

  private void checkConsistent(List<Holiday> holidays, List<Node> nodes) {
    for (int i = 0; i < holidays.size(); i++) {
      Holiday a = holidays.get(i);
      for (int j = 0; j < holidays.size(); j++) {
        Holiday b = holidays.get(j);
        if (j > i && !a.from().isAfter(b.to()) && !b.from().isAfter(a.to())) {
          throw error(nodes.get(j), b.name() + " overlaps " + a.name());
        }
        for (LocalDate w : a.worked()) {
          if (b.isOff(w)) {
            throw error(nodes.get(i), a.name() + ": worked day " + w + " lies inside the days off of " + b.name());
          }
        }
      }
    }
    Set<LocalDate> seen = new HashSet<>();
    for (int i = 0; i < holidays.size(); i++) {
      for (LocalDate w : holidays.get(i).worked()) {
        if (!seen.add(w)) {
          throw error(nodes.get(i), "worked day " + w + " is listed twice");
        }
      }
    }
  }

  private Map<String, NodeTuple> mapping(Node node, Set<String> allowed, String what) {
    if (!(node instanceof MappingNode mapping)) {
      throw error(node, what + " must be a mapping of " + allowed);
    }
    Map<String, NodeTuple> out = new LinkedHashMap<>();
    for (NodeTuple t : mapping.getValue()) {
      String key = text(t.getKeyNode(), "key");
      if (!allowed.contains(key)) {
        throw error(t.getKeyNode(), "unknown key '" + key + "' in " + what + " (allowed: " + allowed + ")");
      }
      if (out.put(key, t) != null) {
        throw error(t.getKeyNode(), "key '" + key + "' appears twice");
      }
    }
    return out;
  }

  private NodeTuple required(Map<String, NodeTuple> m, String key, Node owner) {
    NodeTuple t = m.get(key);
    if (t == null) {
      throw error(owner, "missing '" + key + "'");
    }
    return t;
  }

  private String text(Node node, String what) {
    if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
      throw error(node, what + " must be a non-empty text");
    }
    return s.getValue().trim();
  }

  private int integer(Node node, String what) {
    String t = text(node, what);
    try {
      return Integer.parseInt(t);
    } catch (NumberFormatException e) {
      throw error(node, what + " must be a number, not '" + t + "'");
    }
  }

  private LocalDate date(Node node, int year) {
    String t = text(node, "date");
    LocalDate d;
    try {
      d = LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      throw error(node, "bad date '" + t + "' (use YYYY-MM-DD)");
    }
    // A 元旦 break may start in December of the year before; anything further is a typo.
    if (Math.abs(d.getYear() - year) > 1) {
      throw error(node, "date " + d + " is too far from " + year);
    }
    return d;
  }

  private CalendarFileException error(Node node, String message) {
    int line = node == null ? 1 : node.getStartMark().map(Mark::getLine).orElse(0) + 1;
    return new CalendarFileException(file + ":" + line + ": " + message);
  }

  static Optional<Integer> yearOfFileName(String name) {
    if (name.matches("\\d{4}\\.ya?ml")) {
      return Optional.of(Integer.parseInt(name.substring(0, 4)));
    }
    return Optional.empty();
  }
}
