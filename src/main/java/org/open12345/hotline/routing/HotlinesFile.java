package org.open12345.hotline.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads hotlines.yaml: the centre's number, merged hotlines and emergency numbers. */
final class HotlinesFile {
  static final String NAME = "hotlines.yaml";

  /** {@code declaredNumbers} includes numbers of broken entries, so rules using them add no second error. */
  record Parsed(String centreNumber, List<Hotline> hotlines, List<EmergencyNumber> emergency, Set<String> declaredNumbers) {}

  private HotlinesFile() {}

  static Parsed read(YamlMap root, Problems problems, DepartmentsFile.Parsed departments) {
    root.allowOnly(NAME, "centre", "hotlines", "emergency");
    Map<String, Department> depts = new HashMap<>();
    departments.departments().forEach(d -> depts.put(d.id(), d));
    Map<String, Integer> numbers = new HashMap<>();

    String centre = null;
    YamlMap c = root.map("centre", "'centre'");
    if (c == null) {
      root.error(root.line(), "hotlines.yaml needs 'centre' with the centre's own number (e.g. number: \"12345\")");
    } else {
      c.allowOnly("'centre'", "number", "name");
      centre = number(c, numbers);
      c.string("name", true, "'centre'");
    }

    List<Hotline> hotlines = new ArrayList<>();
    Set<String> subCentresNamed = new HashSet<>();
    for (YamlMap m : root.maps("hotlines", "a merged hotline")) {
      m.allowOnly("a merged hotline", "number", "name", "mode", "department");
      String number = number(m, numbers);
      String name = m.string("name", true, "a merged hotline");
      String modeText = m.string("mode", true, "a merged hotline");
      MergeMode mode = MergeMode.parse(modeText);
      if (modeText != null && mode == null) {
        m.error("mode", "bad mode '" + modeText + "' (use whole/整体并入, parallel/双号并行 or sub_centre/设分中心)");
      }
      String dept = m.string("department", false, "");
      if (mode == MergeMode.SUB_CENTRE) {
        if (dept == null) {
          m.error(m.line(), "a sub-centre hotline (设分中心) needs 'department': the department whose seats work its tickets");
        } else if (!depts.containsKey(dept)) {
          m.error("department", "unknown department '" + dept + "'");
        } else if (!depts.get(dept).subCentre()) {
          m.error("department", "department '" + dept + "' works a sub-centre hotline but lacks 'sub_centre: true' in departments.yaml");
        } else {
          subCentresNamed.add(dept);
        }
      } else if (dept != null && mode != null) {
        m.error("department", "'department' is only for sub_centre hotlines, not " + mode.key());
      }
      if (number != null && name != null && mode != null) {
        hotlines.add(new Hotline(number, name, mode, mode == MergeMode.SUB_CENTRE ? dept : null));
      }
    }
    for (Department d : departments.departments()) {
      if (d.subCentre() && !subCentresNamed.contains(d.id())) {
        problems.add(DepartmentsFile.NAME, departments.lines().get(d.id()),
            "department '" + d.id() + "' has 'sub_centre: true' but no sub_centre hotline in hotlines.yaml names it");
      }
    }

    List<EmergencyNumber> emergency = new ArrayList<>();
    for (YamlMap m : root.maps("emergency", "an emergency number")) {
      m.allowOnly("an emergency number", "number", "name", "words", "patterns", "unless");
      String number = number(m, numbers);
      String name = m.string("name", true, "an emergency number");
      List<String> words = texts(m.strings("words"));
      if (words.isEmpty()) {
        m.error(m.line(), "an emergency number needs 'words' that mark an emergency");
      }
      List<EmergencyPattern> patterns = new ArrayList<>();
      for (YamlMap.Scalar p : m.strings("patterns")) {
        String[] error = new String[1];
        EmergencyPattern parsed = EmergencyPattern.parse(p.text(), error);
        if (parsed == null) {
          problems.add(NAME, p.line(), error[0]);
        } else {
          patterns.add(parsed);
        }
      }
      if (number != null && name != null && !words.isEmpty()) {
        emergency.add(new EmergencyNumber(number, name, words, patterns, texts(m.strings("unless"))));
      }
    }
    return new Parsed(centre, hotlines, emergency, Set.copyOf(numbers.keySet()));
  }

  private static String number(YamlMap m, Map<String, Integer> seen) {
    String n = m.string("number", true, "a hotline");
    if (n == null) {
      return null;
    }
    if (!Identifiers.isDigits(n)) {
      m.error("number", "hotline number '" + n + "' must be digits (quote it: \"12345\")");
      return null;
    }
    if (seen.containsKey(n)) {
      m.error("number", "duplicate hotline number '" + n + "' (first at line " + seen.get(n) + ")");
      return null;
    }
    seen.put(n, m.lineOf("number"));
    return n;
  }

  private static List<String> texts(List<YamlMap.Scalar> items) {
    return items.stream().map(s -> TextNormalizer.normalize(s.text())).filter(s -> !s.isEmpty()).toList();
  }
}
