package org.open12345.hotline.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicationRankingTest {

  /** A department row with response, resolution and satisfaction as numerator/denominator pairs. */
  static StatsRow row(String id, long... counts) {
    List<FigureValue> figures = new ArrayList<>();
    for (FigureDefinition f : FigureDefinition.values()) {
      int i = Arrays.asList(FigureDefinition.RESPONSE_RATE, FigureDefinition.RESOLUTION_RATE,
          FigureDefinition.SATISFACTION_RATE).indexOf(f);
      figures.add(i < 0 ? FigureValue.of(f, 0, 0) : FigureValue.of(f, counts[2 * i], counts[2 * i + 1]));
    }
    return new StatsRow(null, id, id.toUpperCase(), figures);
  }

  static List<String> order(List<PublicationEntry> entries) {
    return entries.stream().map(PublicationEntry::departmentId).toList();
  }

  @Test
  void theScoreIsTheMeanOfTheThreeRatesAndOrdersTheList() {
    // a: 0.9, 0.8, 0.7 -> 0.8; b: 1, 1, 0.5 -> 0.8333; c: 0.5, 0.5, 0.25 -> 0.4167
    List<PublicationEntry> e = PublicationRanking.rank(List.of(
        row("a", 9, 10, 8, 10, 7, 10), row("b", 2, 2, 4, 4, 1, 2), row("c", 1, 2, 1, 2, 1, 4)));
    assertEquals(List.of("b", "a", "c"), order(e));
    assertEquals(List.of(1, 2, 3), e.stream().map(PublicationEntry::rank).toList());
    assertEquals(new BigDecimal("0.8333"), e.get(0).score());
    assertEquals(new BigDecimal("0.8000"), e.get(1).score());
    assertEquals(List.of(1, 2, 3), e.stream().map(PublicationEntry::responseRank).toList());
    assertEquals(List.of(1, 2, 3), e.stream().map(PublicationEntry::resolutionRank).toList());
    assertEquals(List.of(2, 1, 3), e.stream().map(PublicationEntry::satisfactionRank).toList());
    assertEquals(new BigDecimal("0.4167"), e.get(2).score());
  }

  @Test
  void equalValuesSharePlacesAndTheNextPlaceIsSkipped() {
    List<PublicationEntry> e = PublicationRanking.rank(List.of(
        row("a", 1, 2, 1, 2, 1, 2), row("b", 2, 4, 2, 4, 2, 4), row("c", 1, 4, 1, 4, 1, 4),
        row("d", 1, 1, 1, 1, 1, 1)));
    assertEquals(List.of("d", "a", "b", "c"), order(e));
    assertEquals(List.of(1, 2, 2, 4), e.stream().map(PublicationEntry::rank).toList());
  }

  @Test
  void aDepartmentLackingARateIsListedLastUnrankedAndOneWithNothingIsLeftOut() {
    List<PublicationEntry> e = PublicationRanking.rank(List.of(
        row("norating", 1, 1, 1, 1, 0, 0), row("idle", 0, 0, 0, 0, 0, 0), row("z", 1, 2, 1, 2, 1, 2)));
    assertEquals(List.of("z", "norating"), order(e));
    PublicationEntry last = e.get(1);
    assertNull(last.rank());
    assertNull(last.score());
    assertNull(last.satisfactionRank());
    assertEquals(1, last.responseRank());
    assertEquals(2, e.get(0).responseRank());
  }

  @Test
  void rowsWithoutADepartmentAreNotRanked() {
    assertEquals(List.of(), PublicationRanking.rank(List.of(new StatsRow(null, null, "无", row("x", 1, 1, 1, 1, 1, 1)
        .figures()))));
  }
}
