package org.open12345.hotline.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.open12345.hotline.deadline.DeadlineCalculatorTest.at;
import static org.open12345.hotline.deadline.DeadlineCalculatorTest.endOf;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every warning point a policy names for a deadline becomes one reminder of that deadline. */
class WarningPointsTest {

  static TimeSpan span(String s) {
    return TimeSpan.parse(s);
  }

  static DeadlineTerm term(String within, String... points) {
    return new DeadlineTerm(span(within), java.util.Arrays.stream(points).map(WarningPoint::parse).toList());
  }

  /** policies.yaml's critical policy. */
  static final DeadlinePolicy CRITICAL = new DeadlinePolicy("critical", term("30m", "10m"), term("2h", "30m"),
      term("24h", "4h", "1h", "50%"), null);

  final ManualClock clock = new ManualClock(at("2026-03-02T10:00"));
  final TicketDeadlineRules rules = new TicketDeadlineRules(new DeadlineCalculator(WorkingCalendarTest.CAL, clock));

  static List<Instant> warnings(TicketDeadlines d, DeadlineKind kind) {
    return d.get(kind).orElseThrow().warnings().stream().map(WarningTime::at).toList();
  }

  @Test
  void eachDeadlineWarnsAtItsOwnPointsNotTheResolveDeadlines() {
    TicketDeadlines d = rules.start("T1", CRITICAL, at("2026-03-02T10:00"));
    assertEquals(List.of(at("2026-03-02T10:20")), warnings(d, DeadlineKind.SIGN), "10 min before sign-by 10:30");
    assertEquals(at("2026-03-02T10:20"), d.get(DeadlineKind.SIGN).orElseThrow().warnAt());
    assertEquals(List.of(at("2026-03-02T11:30")), warnings(d, DeadlineKind.RESPOND), "30 min before 12:00");
    // Half the 24h, then 4h and 1h before resolve-by; earliest first, warnAt the earliest.
    assertEquals(List.of(at("2026-03-02T22:00"), at("2026-03-03T06:00"), at("2026-03-03T09:00")),
        warnings(d, DeadlineKind.RESOLVE));
    assertEquals(at("2026-03-02T22:00"), d.get(DeadlineKind.RESOLVE).orElseThrow().warnAt());
  }

  @Test
  void fractionsOfTheAllowedTimeAreHonoured() {
    DeadlinePolicy p = new DeadlinePolicy("ordinary", term("2h", "30m"), term("24h", "4h"),
        term("7d", "1d", "75%"), null);
    TicketDeadlines d = rules.start("T2", p, at("2026-03-02T10:00"));
    // 75% of 7 days = 5 days 6 hours after dispatch; 1d before the deadline.
    assertEquals(List.of(at("2026-03-07T16:00"), at("2026-03-08T10:00")), warnings(d, DeadlineKind.RESOLVE));
    DeadlinePolicy quarter = new DeadlinePolicy("q", null, null, term("2h", "25%", "0.5%"), null);
    TicketDeadlines q = rules.start("T3", quarter, at("2026-03-02T10:00"));
    assertEquals(List.of(at("2026-03-02T10:00:36"), at("2026-03-02T10:30")), warnings(q, DeadlineKind.RESOLVE));
  }

  @Test
  void workingDayWarningsAreEndsOfWorkingDaysBeforeTheDeadline() {
    DeadlinePolicy complex = new DeadlinePolicy("complex", term("2h"), term("24h", "4h"),
        term("15wd", "3wd", "1wd"), null);
    // Thu 2026-02-12, before the Spring Festival: 15 working days end on 03-11 (see
    // SpringFestivalMonthWalkTest); 3 and 1 working days before are the ends of 03-06 and 03-10.
    TicketDeadlines d = rules.start("T4", complex, at("2026-02-12T10:00"));
    assertEquals(endOf("2026-03-11"), d.resolveBy().orElseThrow());
    assertEquals(List.of(endOf("2026-03-06"), endOf("2026-03-10")), warnings(d, DeadlineKind.RESOLVE));
    assertEquals(List.of(at("2026-02-12T11:00")), warnings(d, DeadlineKind.SIGN), "no point named: half time");
  }

  @Test
  void pointsBeforeTheStartAreDroppedAndTheSameInstantIsOneReminder() {
    DeadlinePolicy p = new DeadlinePolicy("p", term("2h", "4h", "1h"), term("2h", "4h", "3h"),
        term("24h", "12h", "50%"), null);
    TicketDeadlines d = rules.start("T5", p, at("2026-03-02T10:00"));
    assertEquals(List.of(at("2026-03-02T11:00")), warnings(d, DeadlineKind.SIGN), "4h before a 2h deadline: dropped");
    assertEquals(List.of(at("2026-03-02T11:00")), warnings(d, DeadlineKind.RESPOND), "none left: half time");
    assertEquals(WarningPoint.HALF_TIME, d.get(DeadlineKind.RESPOND).orElseThrow().warnings().get(0).point());
    assertEquals(List.of(at("2026-03-02T22:00")), warnings(d, DeadlineKind.RESOLVE), "12h before = 50%: once");
  }

  @Test
  void pauseAndExtensionMoveEveryWarning() {
    TicketDeadlines d = rules.start("T6", CRITICAL, at("2026-03-02T10:00"));
    d = rules.resume(rules.pause(d, at("2026-03-02T10:05")), at("2026-03-02T11:05"));
    assertEquals(List.of(at("2026-03-02T23:00"), at("2026-03-03T07:00"), at("2026-03-03T10:00")),
        warnings(d, DeadlineKind.RESOLVE), "each moved by the hour paused");
    TicketDeadlines e = rules.extend(d, span("24h"));
    assertEquals(at("2026-03-04T11:00"), e.resolveBy().orElseThrow());
    // 50% of the clock from its (moved) start 11:00 to the new resolve-by.
    assertEquals(List.of(at("2026-03-03T11:00"), at("2026-03-04T07:00"), at("2026-03-04T10:00")),
        warnings(e, DeadlineKind.RESOLVE));
  }

  @Test
  void theStoredFormKeepsEveryPointAndReadsTheOldOne() {
    TicketDeadlines d = rules.start("T7", CRITICAL, at("2026-03-02T10:00"));
    JsonObject stored = TicketDeadlinesJson.write(d);
    assertEquals(d, TicketDeadlinesJson.read(stored));
    assertEquals(d, TicketDeadlinesJson.read(new JsonObject(stored.encode())));

    // Written before warning lists: one warn_before for the policy, one warn_at per deadline.
    JsonObject old = new JsonObject("""
        {"ticket":"T8","policy":{"name":"ordinary","sign":"2h","respond":"24h","resolve":"7d",
         "warn_before":"24h","escalate_after":"24h"},
         "dispatched_at":"2026-03-02T02:00:00Z","paused_at":null,
         "deadlines":{"SIGN":{"span":"2h","started_at":"2026-03-02T02:00:00Z","due_at":"2026-03-02T04:00:00Z",
           "warn_at":"2026-03-02T03:00:00Z","escalate_at":"2026-03-03T04:00:00Z","revision":0,"met_at":null}}}""");
    TicketDeadlines read = TicketDeadlinesJson.read(old);
    assertEquals(List.of(Instant.parse("2026-03-02T03:00:00Z")), warnings(read, DeadlineKind.SIGN));
    assertEquals(List.of(WarningPoint.before(span("24h"))), read.policy().termFor(DeadlineKind.RESOLVE).warnings());
    assertEquals(read, TicketDeadlinesJson.read(TicketDeadlinesJson.write(read)));
  }

  @Test
  void warningPointsHaveOneWrittenForm() {
    assertEquals("4h", WarningPoint.parse("4h").toString());
    assertEquals("1wd", WarningPoint.parse("1wd").toString());
    assertEquals("75%", WarningPoint.at(0.75).toString());
    assertEquals("33.3%", WarningPoint.at(0.333).toString());
    assertEquals(WarningPoint.at(0.29), WarningPoint.parse("29%"));
    assertThrows(IllegalArgumentException.class, () -> WarningPoint.at(1.0));
    assertThrows(IllegalArgumentException.class, () -> new WarningPoint(span("1h"), 0.5));
  }
}
