package org.open12345.hotline.stats;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV form of the figures, for Excel: UTF-8 with a byte-order mark (without it Excel reads
 * the Chinese headers as GBK and shows mojibake), Chinese headers, CRLF lines, RFC 4180 quoting.
 * Rates are percentages with two decimals ("81.25%", which Excel reads as a number); a rate with
 * nothing to measure, or a figure that does not apply, is an empty cell. Plain Java.
 */
public final class StatsCsv {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private StatsCsv() {}

  public static byte[] report(StatsReport r) {
    boolean byCategory = r.query().grouping() == StatsQuery.Grouping.CATEGORY;
    List<List<String>> lines = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("统计期", byCategory ? "类别编码" : "单位编码", "单位名称"));
    for (FigureDefinition f : FigureDefinition.values()) {
      header.addAll(List.of(f.label() + "分子", f.label() + "分母", f.label()));
    }
    lines.add(header);
    for (StatsRow row : r.rows()) {
      lines.add(line(row, r, row.key(), row.name()));
    }
    for (StatsRow row : r.totals()) {
      lines.add(line(row, r, "", StatsService.TOTAL));
    }
    return encode(lines);
  }

  public static byte[] publication(Publication p) {
    List<List<String>> lines = new ArrayList<>();
    lines.add(List.of("名次", "单位编码", "单位名称", "综合得分", "响应率", "响应率名次", "响应率分子", "响应率分母",
        "解决率", "解决率名次", "解决率分子", "解决率分母", "满意率", "满意率名次", "满意率分子", "满意率分母"));
    for (PublicationEntry e : p.entries()) {
      List<String> cells = new ArrayList<>(List.of(text(e.rank()), e.departmentId(), nonNull(e.departmentName()),
          percent(e.score())));
      addRanked(cells, e.response(), e.responseRank());
      addRanked(cells, e.resolution(), e.resolutionRank());
      addRanked(cells, e.satisfaction(), e.satisfactionRank());
      lines.add(cells);
    }
    return encode(lines);
  }

  /** 81.25% for 0.8125; empty for null. */
  public static String percent(BigDecimal rate) {
    return rate == null ? "" : rate.movePointRight(2).setScale(2).toPlainString() + "%";
  }

  /** One field, quoted when it holds a comma, quote or line break (RFC 4180). */
  static String field(String v) {
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
      return v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }

  private static List<String> line(StatsRow row, StatsReport r, String key, String name) {
    List<String> cells = new ArrayList<>(List.of(nonNull(r.query().interval().label(row.period())),
        nonNull(key), nonNull(name)));
    for (FigureValue v : row.figures()) {
      cells.addAll(List.of(text(v.numerator()), text(v.denominator()), percent(v.rate())));
    }
    return cells;
  }

  private static void addRanked(List<String> cells, FigureValue v, Integer rank) {
    cells.addAll(List.of(percent(v.rate()), text(rank), text(v.numerator()), text(v.denominator())));
  }

  private static byte[] encode(List<List<String>> lines) {
    StringBuilder sb = new StringBuilder();
    for (List<String> cells : lines) {
      for (int i = 0; i < cells.size(); i++) {
        sb.append(i == 0 ? "" : ",").append(field(cells.get(i)));
      }
      sb.append("\r\n");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(BOM);
    out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static String text(Object o) {
    return o == null ? "" : o.toString();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
