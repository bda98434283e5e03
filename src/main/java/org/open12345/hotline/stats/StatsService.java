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
    String[] scan = shown == null ? null : shown.toArray(String[]::new);
    StatsRepository.Keying keying;
    String[][] pairs = {null, null};
    Function<String, String> names;
    if (q.grouping() == StatsQuery.Grouping.CATEGORY) {
      keying = StatsRepository.Keying.CATEGORY;
      names = code -> null;
    } else if (shown == null && !q.rollup()) {
      keying = StatsRepository.Keying.DEPARTMENT;
      names = id -> id == null ? NO_DEPARTMENT : tree.name(id);
    } else {
      keying = StatsRepository.Keying.DEPARTMENT_MAPPED;
      pairs = pairs(tree, shown == null ? tree.ids() : shown, q.rollup(), scope);
      names = tree::name;
    }
    StatsRepository.Request request = new StatsRepository.Request(from, to, now, zone.getId(), q.interval(), keying,
        pairs[0], pairs[1], scan, q.categoryPrefix());
    boolean departmentRows = q.grouping() == StatsQuery.Grouping.DEPARTMENT;
    // Totals restricted to some departments count departments' tickets only: no direct answers.
    boolean departmentTotals = scan != null;
    return pool.withTransaction(tx -> repository.figures(tx, request)).map(counts -> new StatsReport(q, zone, now,
        StatsRow.assemble(counts.stream().filter(c -> !c.total()).toList(), departmentRows, names),
        StatsRow.assemble(counts.stream().filter(StatsRepository.Count::total).toList(), departmentTotals,
            k -> TOTAL)));
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

}
