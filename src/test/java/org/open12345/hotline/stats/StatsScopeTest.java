package org.open12345.hotline.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.problem.InvalidField;

/** Which departments a request shows and how roll-up pairs them, over a tree written here. */
class StatsScopeTest {
  //        city
  //       /    \
  //   county   agency
  //    /   \
  //  t1     t2
  static final UnitTree TREE = new UnitTree(List.of(
      new DepartmentHierarchy.Unit("city", "市", null),
      new DepartmentHierarchy.Unit("county", "县", "city"),
      new DepartmentHierarchy.Unit("t1", "镇一", "county"),
      new DepartmentHierarchy.Unit("t2", "镇二", "county"),
      new DepartmentHierarchy.Unit("agency", "局", "city")));

  static List<String> list(String[] a) {
    return List.of(a);
  }

  @Test
  void aSubTreeIsTheDepartmentThenEverythingUnderIt() {
    assertEquals(List.of("city", "county", "t1", "t2", "agency"), List.copyOf(TREE.subtree("city")));
    assertEquals(List.of("county", "t1", "t2"), List.copyOf(TREE.subtree("county")));
    assertEquals(Set.of("t1"), TREE.subtree("t1"));
    assertEquals(Set.of(), TREE.subtree("nowhere"));
    assertEquals("镇二", TREE.name("t2"));
    assertNull(TREE.name("nowhere"));
  }

  @Test
  void aCycleInTheInputDoesNotLoop() {
    UnitTree looped = new UnitTree(List.of(new DepartmentHierarchy.Unit("a", "A", "b"),
        new DepartmentHierarchy.Unit("b", "B", "a")));
    assertEquals(Set.of("a", "b"), looped.subtree("a"));
  }

  @Test
  void theShownDepartmentsAreTheRequestedSubTreeWithinTheScope() {
    assertNull(StatsService.shown(TREE, null, null));
    assertEquals(Set.of("county", "t1", "t2"), StatsService.shown(TREE, null, TREE.subtree("county")));
    assertEquals(Set.of("county", "t1", "t2"), StatsService.shown(TREE, "county", null));
    assertEquals(Set.of("t2"), StatsService.shown(TREE, "t2", TREE.subtree("county")));
    assertEquals("department", assertThrows(InvalidField.class,
        () -> StatsService.shown(TREE, "nowhere", null)).field());
    assertThrows(OutsideScope.class, () -> StatsService.shown(TREE, "agency", TREE.subtree("county")));
    assertThrows(OutsideScope.class, () -> StatsService.shown(TREE, "city", TREE.subtree("county")));
  }

  @Test
  void rollUpPairsEachDepartmentWithItsWholeSubTree() {
    String[][] own = StatsService.pairs(TREE, List.of("county", "t1"), false, null);
    assertEquals(List.of("county", "t1"), list(own[0]));
    assertEquals(List.of("county", "t1"), list(own[1]));
    String[][] rolled = StatsService.pairs(TREE, List.of("county", "t1"), true, null);
    assertEquals(List.of("county", "county", "county", "t1"), list(rolled[0]));
    assertEquals(List.of("county", "t1", "t2", "t1"), list(rolled[1]));
  }

  @Test
  void rollUpStaysInsideTheScope() {
    String[][] rolled = StatsService.pairs(TREE, List.of("city"), true, Set.of("city", "agency"));
    assertEquals(List.of("city", "city"), list(rolled[0]));
    assertEquals(List.of("city", "agency"), list(rolled[1]));
  }
}
