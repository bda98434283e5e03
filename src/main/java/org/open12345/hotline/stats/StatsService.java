package org.open12345.hotline.stats;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.open12345.hotline.problem.InvalidField;

/**
 * Figures per department, category and period, and the monthly publication. Every count comes
 * from one SQL statement ({@link StatsRepository}); this class decides which departments a
 * request shows and how rows are keyed, and checks the department against the tree and the
 * caller's scope.
 *
 * <p>Scope: null = every department (centre staff); otherwise the set of department ids the
 * caller may see (a department's staff: their department and its sub-tree, {@link #scopeOf}).
 */
public final class StatsService {
  static final String NO_DEPARTMENT = "（无承办单位）";
  static final String TOTAL = "合计";

  private final Pool pool;
  private final StatsRepository repository;
  private final DepartmentHierarchy hierarchy;
  private final Clock clock;
  private final ZoneId zone;

  public StatsService(Pool pool, StatsRepository repository, DepartmentHierarchy hierarchy, Clock clock, ZoneId zone) {
    this.pool = pool;
    this.repository = repository;
    this.hierarchy = hierarchy;
    this.clock = clock;
    this.zone = zone;
  }

  /** What a department's staff may see: the department and its sub-tree (empty if unknown). */
  public Set<String> scopeOf(String departmentId) {
    return new UnitTree(hierarchy.units()).subtree(departmentId);
  }

  public Future<StatsReport> departments(StatsQuery q, Set<String> scope) {
    UnitTree tree = new UnitTree(hierarchy.units());
    Set<String> shown;
    try {
      shown = shown(tree, q.department(), scope);
    } catch (RuntimeException refused) {
      return Future.failedFuture(refused);
    }
    Instant now = clock.instant();
    Instant from = q.from().atStartOfDay(zone).toInstant();
    Instant to = q.to().plusDays(1).atStartOfDay(zone).toInstant();
    String[] members = shown == null ? null : shown.toArray(String[]::new);
    StatsRepository.Request rows;
    Function<String, String> names;
    if (q.grouping() == StatsQuery.Grouping.CATEGORY) {
      rows = request(q, from, to, now, StatsRepository.Keying.CATEGORY, null, members);
      names = code -> null;
    } else if (shown == null && !q.rollup()) {
      rows = request(q, from, to, now, StatsRepository.Keying.DEPARTMENT, null, null);
      names = id -> id == null ? NO_DEPARTMENT : tree.name(id);
    } else {
      String[][] pairs = pairs(tree, shown == null ? tree.ids() : shown, q.rollup(), scope);
      rows = request(q, from, to, now, StatsRepository.Keying.DEPARTMENT_MAPPED, pairs[0], pairs[1]);
      names = tree::name;
    }
    StatsRepository.Request totals = request(q, from, to, now, StatsRepository.Keying.TOTAL, null, members);
    // Rows and totals are independent statements: two pool connections run them side by side.
    Future<List<StatsRepository.Count>> rowCounts = repository.figures(pool, rows);
    Future<List<StatsRepository.Count>> totalCounts = repository.figures(pool, totals);
    boolean departmentTotals = members != null;
    return Future.all(rowCounts, totalCounts).map(v -> new StatsReport(q, zone, now,
        StatsRow.assemble(rowCounts.result(), q.grouping() == StatsQuery.Grouping.DEPARTMENT, names),
        StatsRow.assemble(totalCounts.result(), departmentTotals, k -> TOTAL)));
  }

  /** The month's departments ranked by the three rates (own tickets, or sub-trees when rolled up). */
  public Future<Publication> publication(YearMonth month, boolean rollup, Set<String> scope) {
    StatsQuery q = new StatsQuery(month.atDay(1), month.atEndOfMonth(), StatsQuery.Grouping.DEPARTMENT,
        StatsQuery.Interval.NONE, null, rollup, null);
    return departments(q, scope).map(r ->
        new Publication(month, rollup, r.generatedAt(), PublicationRanking.rank(r.rows())));
  }

  /**
   * The departments a request shows: the requested sub-tree (checked against the tree and the
   * scope), else the scope; null = every department, and tickets without one.
   */
  static Set<String> shown(UnitTree tree, String department, Set<String> scope) {
    if (department == null) {
      return scope;
    }
    if (!tree.contains(department)) {
      throw new InvalidField("department", "unknown department '" + department + "'");
    }
    if (scope != null && !scope.contains(department)) {
      throw new OutsideScope(department);
    }
    return within(tree.subtree(department), scope);
  }

  /**
   * The (row key, counted department) pairs: each shown department with itself, or with every
   * department of its sub-tree (within the scope) when rolled up.
   */
  static String[][] pairs(UnitTree tree, Iterable<String> shown, boolean rollup, Set<String> scope) {
    List<String> keys = new ArrayList<>();
    List<String> members = new ArrayList<>();
    for (String d : shown) {
      for (String m : rollup ? within(tree.subtree(d), scope) : Set.of(d)) {
        keys.add(d);
        members.add(m);
      }
    }
    return new String[][] {keys.toArray(String[]::new), members.toArray(String[]::new)};
  }

  private static Set<String> within(Set<String> ids, Set<String> scope) {
    if (scope == null) {
      return ids;
    }
    Set<String> out = new LinkedHashSet<>(ids);
    out.retainAll(scope);
    return out;
  }

  private StatsRepository.Request request(StatsQuery q, Instant from, Instant to, Instant now,
      StatsRepository.Keying keying, String[] keys, String[] members) {
    return new StatsRepository.Request(from, to, now, zone.getId(), q.interval(), keying, keys, members,
        q.categoryPrefix());
  }
}
