package org.open12345.hotline.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which role may call which route: one line per method and route pattern. Patterns are written as
 * in the OpenAPI document ({@code /api/tickets/{number}}); a {@code {name}} segment matches any one
 * non-empty segment, and a literal segment wins over a parameter where both match.
 *
 * <p>Plain Java: the HTTP handler in front of the API ({@link AccessHandler}) asks
 * {@link #decide}; tests drive every route of the OpenAPI document through the same method.
 */
public final class AccessTable {

  /** What a line's department users see. */
  public enum Scope {
    /** Nothing ticket-bound: the route is the same for everybody it admits. */
    NONE,
    /** Ticket-bound: a DEPARTMENT caller sees and reaches only its department's sub-tree. */
    DEPARTMENT
  }

  /**
   * One route.
   *
   * @param open true for public routes (no authentication); {@code roles} is then empty
   */
  public record Line(String method, String pattern, boolean open, Set<Role> roles, Scope scope) {
    public Line {
      method = method.toUpperCase(Locale.ROOT);
      roles = roles.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Role.class))
          : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    List<String> segments() {
      return AccessTable.segments(pattern);
    }
  }

  /** The answer for one request. */
  public enum Verdict {
    /** A public route: no authentication needed. */
    OPEN,
    /** A staff route and nobody is authenticated: 401. */
    UNAUTHENTICATED,
    /** Authenticated, but the role is not on the line: 403. */
    FORBIDDEN,
    /** Authenticated and the role is on the line. */
    ALLOWED,
    /** No line for this method and path: answered as an unknown route. */
    NO_LINE
  }

  /** The verdict, and the line that gave it (null for {@link Verdict#NO_LINE}). */
  public record Decision(Verdict verdict, Line line) {}

  private final List<Line> lines;

  private AccessTable(List<Line> lines) {
    this.lines = List.copyOf(lines);
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<Line> lines() {
    return lines;
  }

  /** The line for a request, the most specific one when several patterns match. */
  public Optional<Line> find(String method, String path) {
    String m = method.toUpperCase(Locale.ROOT);
    String effective = m.equals("HEAD") ? "GET" : m;
    List<String> parts = segments(path);
    Line best = null;
    for (Line l : lines) {
      if (l.method().equals(effective) && matches(l.segments(), parts)
          && (best == null || moreSpecific(l.segments(), best.segments()))) {
        best = l;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * @param role the authenticated caller's role, or null when nobody is authenticated
   */
  public Decision decide(String method, String path, Role role) {
    Line line = find(method, path).orElse(null);
    if (line == null) {
      return new Decision(role == null ? Verdict.UNAUTHENTICATED : Verdict.NO_LINE, null);
    }
    if (line.open()) {
      return new Decision(Verdict.OPEN, line);
    }
    if (role == null) {
      return new Decision(Verdict.UNAUTHENTICATED, line);
    }
    return new Decision(line.roles().contains(role) ? Verdict.ALLOWED : Verdict.FORBIDDEN, line);
  }

  static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean isParameter(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  private static boolean matches(List<String> pattern, List<String> path) {
    if (pattern.size() != path.size()) {
      return false;
    }
    for (int i = 0; i < pattern.size(); i++) {
      if (!isParameter(pattern.get(i)) && !pattern.get(i).equals(path.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Left to right, the first segment where one is literal and the other a parameter decides. */
  private static boolean moreSpecific(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      boolean pa = isParameter(a.get(i));
      boolean pb = isParameter(b.get(i));
      if (pa != pb) {
        return !pa;
      }
    }
    return false;
  }

  /** Collects lines; the same method and pattern twice is a mistake and refused. */
  public static final class Builder {
    private final List<Line> lines = new ArrayList<>();

    /** A public route: anybody, no authentication. */
    public Builder open(String method, String pattern) {
      return add(new Line(method, pattern, true, Set.of(), Scope.NONE));
    }

    /** A staff route the same for every role it admits. */
    public Builder staff(String method, String pattern, Role... roles) {
      return add(new Line(method, pattern, false, Set.copyOf(Arrays.asList(roles)), Scope.NONE));
    }

    /** A ticket-bound staff route: DEPARTMENT callers are limited to their sub-tree's tickets. */
    public Builder scoped(String method, String pattern, Role... roles) {
      return add(new Line(method, pattern, false, Set.copyOf(Arrays.asList(roles)), Scope.DEPARTMENT));
    }

    private Builder add(Line line) {
      for (Line l : lines) {
        if (l.method().equals(line.method()) && l.pattern().equals(line.pattern())) {
          throw new IllegalArgumentException("two lines for " + line.method() + " " + line.pattern());
        }
      }
      lines.add(line);
      return this;
    }

    public AccessTable build() {
      return new AccessTable(lines);
    }
  }
}
