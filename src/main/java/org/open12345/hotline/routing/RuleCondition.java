package org.open12345.hotline.routing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.open12345.hotline.ticket.Channel;
import org.open12345.hotline.ticket.RequestType;
import org.open12345.hotline.ticket.Urgency;

/**
 * The {@code when} part of a rule, compiled for matching: keywords lower-cased, areas as tree
 * indexes. Every condition present must hold; an absent condition accepts anything. Inside one
 * condition a list means "any of these".
 */
public final class RuleCondition {
  final Set<String> categoryCodes;
  final List<String> categoryPrefixes;
  final Set<RequestType> types;
  final Set<Urgency> urgencies;
  final Set<Channel> channels;
  final Set<String> called;
  final String[] keywordsAny;
  final String[] keywordsAll;
  final String[] keywordsNone;
  final List<String> areaIds;
  final int[] areaIndexes;
  final TimeWindow time;

  RuleCondition(
      Set<String> categoryCodes,
      List<String> categoryPrefixes,
      EnumSet<RequestType> types,
      EnumSet<Urgency> urgencies,
      EnumSet<Channel> channels,
      Set<String> called,
      List<String> keywordsAny,
      List<String> keywordsAll,
      List<String> keywordsNone,
      List<String> areaIds,
      int[] areaIndexes,
      TimeWindow time) {
    this.categoryCodes = Set.copyOf(categoryCodes);
    this.categoryPrefixes = List.copyOf(categoryPrefixes);
    this.types = types == null ? null : EnumSet.copyOf(types);
    this.urgencies = urgencies == null ? null : EnumSet.copyOf(urgencies);
    this.channels = channels == null ? null : EnumSet.copyOf(channels);
    this.called = called == null ? null : Set.copyOf(called);
    this.keywordsAny = keywordsAny.toArray(String[]::new);
    this.keywordsAll = keywordsAll.toArray(String[]::new);
    this.keywordsNone = keywordsNone.toArray(String[]::new);
    this.areaIds = List.copyOf(areaIds);
    this.areaIndexes = areaIndexes.clone();
    this.time = time;
  }

  boolean hasCategory() {
    return !categoryCodes.isEmpty() || !categoryPrefixes.isEmpty();
  }

  /** The hot path: no allocation, cheapest tests first. */
  boolean matches(PreparedInput p) {
    RoutingInput in = p.in;
    if (types != null && (in.type() == null || !types.contains(in.type()))) {
      return false;
    }
    if (urgencies != null && (in.urgency() == null || !urgencies.contains(in.urgency()))) {
      return false;
    }
    if (channels != null && (in.channel() == null || !channels.contains(in.channel()))) {
      return false;
    }
    if (called != null && (in.calledNumber() == null || !called.contains(in.calledNumber()))) {
      return false;
    }
    if (time != null && (p.minute < 0 || !time.contains(p.minute))) {
      return false;
    }
    if (hasCategory() && !categoryMatches(in.categoryCode())) {
      return false;
    }
    if (areaIndexes.length > 0 && matchedArea(p) < 0) {
      return false;
    }
    return keywordMiss(p.text) == null;
  }

  /** Null when the condition holds, else the first failing test in words (Chinese first). */
  String whyNot(PreparedInput p, DepartmentTree tree) {
    RoutingInput in = p.in;
    if (types != null && (in.type() == null || !types.contains(in.type()))) {
      return "诉求类型不符 (request type " + label(in.type() == null ? null : in.type().label())
          + " not in " + labels(types.stream().map(RequestType::label).toList()) + ")";
    }
    if (urgencies != null && (in.urgency() == null || !urgencies.contains(in.urgency()))) {
      return "紧急程度不符 (urgency " + label(in.urgency() == null ? null : in.urgency().label())
          + " not in " + labels(urgencies.stream().map(Urgency::label).toList()) + ")";
    }
    if (channels != null && (in.channel() == null || !channels.contains(in.channel()))) {
      return "受理渠道不符 (channel " + label(in.channel() == null ? null : in.channel().label())
          + " not in " + labels(channels.stream().map(Channel::label).toList()) + ")";
    }
    if (called != null && (in.calledNumber() == null || !called.contains(in.calledNumber()))) {
      return "呼入号码不符 (called number " + label(in.calledNumber()) + " not in " + labels(called) + ")";
    }
    if (time != null && (p.minute < 0 || !time.contains(p.minute))) {
      return "时段不符 (time " + (in.timeOfDay() == null ? "missing" : in.timeOfDay()) + " outside " + time + ")";
    }
    if (hasCategory() && !categoryMatches(in.categoryCode())) {
      List<String> wanted = new ArrayList<>(categoryCodes);
      categoryPrefixes.forEach(x -> wanted.add(x + "*"));
      return "诉求分类不符 (category " + label(in.categoryCode()) + " not in " + labels(wanted) + ")";
    }
    if (areaIndexes.length > 0 && matchedArea(p) < 0) {
      String where = in.area() == null ? "missing" : p.area == null ? in.area() + " (unknown area)" : p.area.name();
      List<String> names = areaIds.stream().map(id -> tree.get(id).map(Department::name).orElse(id)).toList();
      return "区域不符 (area " + where + " not within " + labels(names) + ")";
    }
    return keywordMiss(p.text);
  }

  boolean categoryMatches(String code) {
    if (code == null) {
      return false;
    }
    if (categoryCodes.contains(code)) {
      return true;
    }
    for (String prefix : categoryPrefixes) {
      if (code.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The rule area the ticket's area lies in (itself or an ancestor), or -1. */
  int matchedArea(PreparedInput p) {
    for (int a : p.areaAncestors) {
      for (int r : areaIndexes) {
        if (a == r) {
          return r;
        }
      }
    }
    return -1;
  }

  private String keywordMiss(String text) {
    if (keywordsAny.length > 0) {
      boolean found = false;
      for (String k : keywordsAny) {
        if (text.contains(k)) {
          found = true;
          break;
        }
      }
      if (!found) {
        return "描述中没有任一关键词 (description has none of " + labels(List.of(keywordsAny)) + ")";
      }
    }
    for (String k : keywordsAll) {
      if (!text.contains(k)) {
        return "描述缺少关键词 (description lacks '" + k + "')";
      }
    }
    for (String k : keywordsNone) {
      if (text.contains(k)) {
        return "描述含排除词 (description contains excluded '" + k + "')";
      }
    }
    return null;
  }

  /**
   * True when every ticket this condition accepts, {@code this} accepts too: then a rule with
   * {@code later} placed after a rule with {@code this} can never fire. Conservative: may answer
   * false for a broader condition it cannot prove broader, never true for one that is not.
   */
  boolean covers(RuleCondition later, DepartmentTree tree) {
    return coversCategory(later)
        && coversSet(types, later.types)
        && coversSet(urgencies, later.urgencies)
        && coversSet(channels, later.channels)
        && coversSet(called, later.called)
        && coversArea(later, tree)
        && (time == null || (later.time != null && time.covers(later.time)))
        && coversKeywords(later);
  }

  private static <T> boolean coversSet(Set<T> mine, Set<T> theirs) {
    return mine == null || (theirs != null && mine.containsAll(theirs));
  }

  private boolean coversCategory(RuleCondition later) {
    if (!hasCategory()) {
      return true;
    }
    if (!later.hasCategory()) {
      return false;
    }
    for (String code : later.categoryCodes) {
      if (!categoryMatches(code)) {
        return false;
      }
    }
    for (String q : later.categoryPrefixes) {
      boolean covered = false;
      for (String p : categoryPrefixes) {
        if (q.startsWith(p)) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        return false;
      }
    }
    return true;
  }

  private boolean coversArea(RuleCondition later, DepartmentTree tree) {
    if (areaIds.isEmpty()) {
      return true;
    }
    if (later.areaIds.isEmpty()) {
      return false;
    }
    for (String theirs : later.areaIds) {
      boolean covered = false;
      for (String mine : areaIds) {
        if (tree.isWithin(theirs, mine)) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        return false;
      }
    }
    return true;
  }

  /**
   * Keyword tests are substring tests, so implication goes through substrings: a text containing
   * "停水三天" contains "停水".
   */
  private boolean coversKeywords(RuleCondition later) {
    if (keywordsAny.length > 0) {
      boolean implied = false;
      for (String a : keywordsAny) {
        for (String b : later.keywordsAll) {
          if (b.contains(a)) {
            implied = true;
          }
        }
      }
      if (!implied && later.keywordsAny.length > 0) {
        implied = true;
        for (String b : later.keywordsAny) {
          boolean some = false;
          for (String a : keywordsAny) {
            if (b.contains(a)) {
              some = true;
              break;
            }
          }
          if (!some) {
            implied = false;
            break;
          }
        }
      }
      if (!implied) {
        return false;
      }
    }
    for (String a : keywordsAll) {
      boolean implied = false;
      for (String b : later.keywordsAll) {
        if (b.contains(a)) {
          implied = true;
          break;
        }
      }
      if (!implied) {
        return false;
      }
    }
    for (String a : keywordsNone) {
      // a text without n also lacks every word that contains n
      boolean implied = false;
      for (String n : later.keywordsNone) {
        if (a.contains(n)) {
          implied = true;
          break;
        }
      }
      if (!implied) {
        return false;
      }
    }
    return true;
  }

  /** The condition in one line, for listings (GET /api/routing/rules) and explanations. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (!categoryCodes.isEmpty()) {
      parts.add("category " + labels(categoryCodes));
    }
    if (!categoryPrefixes.isEmpty()) {
      parts.add("category_prefix " + labels(categoryPrefixes));
    }
    if (types != null) {
      parts.add("type " + labels(types.stream().map(RequestType::label).toList()));
    }
    if (urgencies != null) {
      parts.add("urgency " + labels(urgencies.stream().map(Urgency::label).toList()));
    }
    if (keywordsAny.length > 0) {
      parts.add("keywords_any " + labels(List.of(keywordsAny)));
    }
    if (keywordsAll.length > 0) {
      parts.add("keywords_all " + labels(List.of(keywordsAll)));
    }
    if (keywordsNone.length > 0) {
      parts.add("keywords_none " + labels(List.of(keywordsNone)));
    }
    if (!areaIds.isEmpty()) {
      parts.add("area " + labels(areaIds));
    }
    if (channels != null) {
      parts.add("channel " + labels(channels.stream().map(Channel::label).toList()));
    }
    if (called != null) {
      parts.add("called " + labels(called));
    }
    if (time != null) {
      parts.add("time " + time);
    }
    return parts.isEmpty() ? "always" : String.join("; ", parts);
  }

  public Set<String> categoryCodes() {
    return categoryCodes;
  }

  public List<String> categoryPrefixes() {
    return categoryPrefixes;
  }

  public List<String> areaIds() {
    return areaIds;
  }

  private static String label(String s) {
    return s == null ? "missing" : s;
  }

  private static String labels(java.util.Collection<String> items) {
    return items.stream().sorted().collect(Collectors.joining(", ", "[", "]"));
  }
}
