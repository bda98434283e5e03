package org.open12345.hotline.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsCsvTest {

  @Test
  void fieldsAreQuotedOnlyWhenTheyMustBe() {
    assertEquals("东街街道", StatsCsv.field("东街街道"));
    assertEquals("\"a,b\"", StatsCsv.field("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", StatsCsv.field("say \"hi\""));
    assertEquals("\"two\nlines\"", StatsCsv.field("two\nlines"));
    assertEquals("\"cr\r\"", StatsCsv.field("cr\r"));
  }

  @Test
  void ratesArePercentagesWithTwoDecimals() {
    assertEquals("81.25%", StatsCsv.percent(new BigDecimal("0.8125")));
    assertEquals("100.00%", StatsCsv.percent(new BigDecimal("1.0000")));
    assertEquals("0.00%", StatsCsv.percent(new BigDecimal("0.0000")));
    assertEquals("", StatsCsv.percent(null));
  }

  @Test
  void aReportIsUtf8WithABomCrlfLinesAndATotalLine() {
    List<FigureValue> figures = java.util.Arrays.stream(FigureDefinition.values())
        .map(f -> f == FigureDefinition.DIRECT_ANSWER_RATE ? FigureValue.unavailable(f, "不适用")
            : FigureValue.of(f, 1, 4)).toList();
    StatsQuery q = new StatsQuery(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 30),
        StatsQuery.Grouping.DEPARTMENT, StatsQuery.Interval.MONTH, null, false, null);
    StatsReport r = new StatsReport(q, ZoneId.of("Asia/Shanghai"), Instant.EPOCH,
        List.of(new StatsRow(LocalDate.of(2026, 10, 1), "d1", "某局,二科", figures)),
        List.of(new StatsRow(LocalDate.of(2026, 10, 1), null, "合计", figures)));
    byte[] bytes = StatsCsv.report(r);
    assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]));
    String[] lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n", -1);
    assertEquals(4, lines.length);
    assertEquals("", lines[3]);
    assertEquals(3 + 3 * FigureDefinition.values().length, lines[0].split(",").length);
    assertTrue(lines[1].startsWith("2026-10,d1,\"某局,二科\",1,4,25.00%,"), lines[1]);
    // the direct-answer figure does not apply: three empty cells
    assertTrue(lines[1].contains(",1,4,25.00%,,,,1,4,25.00%,"), lines[1]);
    assertTrue(lines[2].startsWith("2026-10,,合计,1,4,25.00%"), lines[2]);
  }

  @Test
  void aPublicationListsRankScoreAndTheThreeRates() {
    FigureValue half = FigureValue.of(FigureDefinition.RESPONSE_RATE, 1, 2);
    Publication p = new Publication(YearMonth.of(2026, 10), false, Instant.EPOCH, List.of(
        new PublicationEntry(1, "d1", "某局", new BigDecimal("0.5000"), half, 1, half, 2, half, 3),
        new PublicationEntry(null, "d2", null, null, half, 1, half, 2, FigureValue.of(FigureDefinition
            .SATISFACTION_RATE, 0, 0), null)));
    String text = new String(StatsCsv.publication(p), StandardCharsets.UTF_8);
    String[] lines = text.substring(1).split("\r\n");
    assertEquals("1,d1,某局,50.00%,50.00%,1,1,2,50.00%,2,1,2,50.00%,3,1,2", lines[1]);
    assertEquals(",d2,,,50.00%,1,1,2,50.00%,2,1,2,,,0,0", lines[2]);
  }
}
