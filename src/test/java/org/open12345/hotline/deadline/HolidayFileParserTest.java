package org.open12345.hotline.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HolidayFileParserTest {

  private static final String GOOD =
      """
      year: 2026
      source: test
      holidays:
        - name: 春节
          from: 2026-02-15
          to: 2026-02-23
          worked: [2026-02-14, 2026-02-28]
      """;

  private static String error(String text) {
    return assertThrows(CalendarFileException.class, () -> HolidayFileParser.parse("cal/2026.yaml", text, 2026))
        .getMessage();
  }

  @Test
  void readsAGoodFile() {
    HolidayYear y = HolidayFileParser.parse("cal/2026.yaml", GOOD, 2026);
    assertEquals(2026, y.year());
    assertEquals(
        List.of(new Holiday("春节", LocalDate.of(2026, 2, 15), LocalDate.of(2026, 2, 23),
            List.of(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28)))),
        y.holidays());
  }

  @Test
  void badDateNamesFileAndLine() {
    assertEquals(
        "cal/2026.yaml:6: bad date '2026-02-30' (use YYYY-MM-DD)",
        error(GOOD.replace("to: 2026-02-23", "to: 2026-02-30")));
  }

  @Test
  void workedWeekdayIsRejected() {
    String m = error(GOOD.replace("2026-02-28]", "2026-02-27]"));
    assertTrue(m.startsWith("cal/2026.yaml:7: 春节: worked day 2026-02-27 is a FRIDAY"), m);
  }

  @Test
  void unknownKeyIsRejected() {
    String m = error(GOOD.replace("worked:", "workd:"));
    assertTrue(m.startsWith("cal/2026.yaml:7: unknown key 'workd'"), m);
  }

  @Test
  void yearMustMatchTheFileName() {
    assertEquals(
        "cal/2026.yaml:1: year 2027 does not match the file name, which promises 2026",
        error(GOOD.replace("year: 2026", "year: 2027")));
  }

  @Test
  void toBeforeFromIsRejected() {
    String m = error(GOOD.replace("to: 2026-02-23", "to: 2026-02-10"));
    assertTrue(m.startsWith("cal/2026.yaml:6: 春节: 'to' 2026-02-10 is before 'from'"), m);
  }

  @Test
  void overlapAndWorkedDayInsideDaysOffAreRejected() {
    String overlap =
        GOOD
            + """
              - name: 重复
                from: 2026-02-20
                to: 2026-02-21
            """;
    assertTrue(error(overlap).startsWith("cal/2026.yaml:8: 重复 overlaps 春节"), error(overlap));
    String inside = GOOD.replace("[2026-02-14, 2026-02-28]", "[2026-02-21]");
    assertTrue(error(inside).startsWith("cal/2026.yaml:4: 春节: worked day 2026-02-21 lies inside"), error(inside));
  }

  @Test
  void brokenYamlAndMissingKeysHaveLines() {
    assertTrue(error("year: 2026\nholidays: [\n").startsWith("cal/2026.yaml:3: not valid YAML"), error("year: 2026\nholidays: [\n"));
    assertEquals("cal/2026.yaml:1: missing 'source'", error("year: 2026\nholidays: []\n"));
  }

  @Test
  void wronglyNamedYamlFileInTheFolderIsAnError(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("2026.yaml"), GOOD);
    Files.writeString(dir.resolve("README.md"), "# ignored");
    assertEquals(List.of(2026), List.copyOf(WorkingCalendar.load(dir).years()));
    Files.writeString(dir.resolve("holidays-2027.yaml"), GOOD);
    String m = assertThrows(CalendarFileException.class, () -> WorkingCalendar.load(dir)).getMessage();
    assertTrue(m.endsWith("holidays-2027.yaml:1: a calendar file must be named YYYY.yaml"), m);
  }
}
