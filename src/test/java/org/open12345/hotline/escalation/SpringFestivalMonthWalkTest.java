package org.open12345.hotline.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.deadline.DeadlineCalculator;
import org.open12345.hotline.deadline.DeadlineKind;
import org.open12345.hotline.deadline.DeadlinePolicy;
import org.open12345.hotline.deadline.ManualClock;
import org.open12345.hotline.deadline.TicketDeadlineRules;
import org.open12345.hotline.deadline.TicketDeadlines;
import org.open12345.hotline.deadline.TimeSpan;
import org.open12345.hotline.deadline.WorkingCalendar;

/**
 * A ticket received on Thursday 2026-02-12, just before the Spring Festival (02-14 Saturday
 * worked, 02-15..02-23 off, 02-28 Saturday worked), walked through a month of simulated time.
 */
class SpringFestivalMonthWalkTest {

  static final WorkingCalendar CAL = WorkingCalendar.load(java.nio.file.Path.of("routing-rules/calendar"));

  /** 复杂件: sign 2h, respond 24h, resolve 15 working days; remind one working day ahead. */
  static final DeadlinePolicy COMPLEX =
      new DeadlinePolicy("complex", span("2h"), span("24h"), span("15wd"), span("1wd"), span("24h"));

  /** 咨询/求助 not answered on the call: sign 30m, respond the same day, resolve 3 working days. */
  static final DeadlinePolicy THREE_DAYS =
      new DeadlinePolicy("consult", span("30m"), span("0wd"), span("3wd"), span("2h"), span("24h"));

  static TimeSpan span(String s) {
    return TimeSpan.parse(s);
  }

  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(DeadlineCalculator.CHINA).toInstant();
  }

  static Instant endOf(String date) {
    return at(date + "T23:59:59.999999");
  }

  static String fired(String key, Instant at) {
    return "T1:" + key + " @ " + at;
  }

  final Instant received = at("2026-02-12T10:00");
  final ManualClock clock = new ManualClock(received);
  final TicketDeadlineRules rules = new TicketDeadlineRules(new DeadlineCalculator(CAL, clock));
  final EscalationLadder ladder = EscalationLadder.shippedDefault();

  @Test
  void complexTicketLeftUnsignedClimbsTheWholeLadder() {
    TicketDeadlines d = rules.start("T1", COMPLEX, received);
    assertEquals(at("2026-02-12T12:00"), d.signBy().orElseThrow());
    assertEquals(at("2026-02-13T10:00"), d.respondBy().orElseThrow());
    assertEquals(endOf("2026-03-11"), d.resolveBy().orElseThrow());

    SimulatedScheduler s = new SimulatedScheduler(clock, ladder, d);
    s.runUntil(at("2026-03-31T00:00"));

    assertEquals(
        List.of(
            // 1wd before a 2h deadline is before dispatch: remind at half time.
            fired("SIGN:REMIND", at("2026-02-12T11:00")),
            fired("SIGN:SUPERVISE", at("2026-02-12T12:00")),
            fired("RESPOND:REMIND", endOf("2026-02-12")),
            fired("RESPOND:SUPERVISE", at("2026-02-13T10:00")),
            fired("SIGN:ESCALATE", at("2026-02-13T12:00")),
            fired("RESPOND:ESCALATE", at("2026-02-14T10:00")),
            fired("RESOLVE:REMIND", endOf("2026-03-10")),
            fired("RESOLVE:SUPERVISE", endOf("2026-03-11")),
            fired("RESOLVE:ESCALATE", endOf("2026-03-12"))),
        s.firedLog());

    PlannedStep supervise = s.fired.get(1).step();
    assertEquals(1, supervise.level());
    assertEquals(Set.of(Audience.DEPARTMENT, Audience.ESCALATION_CONTACTS), supervise.to());
    assertEquals(Set.of(NoticeChannel.MAIL, NoticeChannel.ROBOT), supervise.via());
    assertFalse(supervise.circulate());
    PlannedStep escalate = s.fired.get(8).step();
    assertEquals(2, escalate.level());
    assertEquals(Set.of(Audience.PARENT_DEPARTMENT, Audience.SUPERVISORS), escalate.to());
    assertTrue(escalate.circulate());
    assertEquals(Duration.ofHours(24), escalate.lateness());
    assertEquals(0, s.fired.get(0).step().level());
  }

  @Test
  void complexTicketWorkedOnWithExtensionAndPause() {
    SimulatedScheduler s = new SimulatedScheduler(clock, ladder, rules.start("T1", COMPLEX, received));

    s.runUntil(at("2026-02-12T11:30"));
    s.ticket = rules.meet(s.ticket, DeadlineKind.SIGN, clock.instant()); // signed after the 催办
    s.runUntil(at("2026-02-13T09:00"));
    s.ticket = rules.meet(s.ticket, DeadlineKind.RESPOND, clock.instant()); // citizen called back

    s.runUntil(at("2026-03-05T10:00"));
    s.ticket = rules.extend(s.ticket, span("5wd")); // 延期 approved: end of 03-11 + 5wd
    assertEquals(endOf("2026-03-18"), s.ticket.resolveBy().orElseThrow());
    assertEquals(1, s.ticket.get(DeadlineKind.RESOLVE).orElseThrow().revision());

    s.runUntil(at("2026-03-16T10:00"));
    s.ticket = rules.pause(s.ticket, clock.instant()); // waiting for the citizen's documents
    s.runUntil(at("2026-03-19T10:00")); // the 03-17 reminder is held, not fired
    assertEquals(
        Map.of(DeadlineKind.RESOLVE, Duration.between(at("2026-03-16T10:00"), endOf("2026-03-18"))),
        rules.timeLeft(s.ticket));
    s.ticket = rules.resume(s.ticket, clock.instant());
    // Paused at the end of 03-16, 03-17, 03-18: three working days later.
    assertEquals(endOf("2026-03-23"), s.ticket.resolveBy().orElseThrow());

    s.runUntil(at("2026-03-23T15:00"));
    s.ticket = rules.meet(s.ticket, DeadlineKind.RESOLVE, clock.instant());
    s.runUntil(at("2026-03-31T00:00"));

    assertEquals(
        List.of(
            fired("SIGN:REMIND", at("2026-02-12T11:00")),
            fired("RESPOND:REMIND", endOf("2026-02-12")),
            fired("RESOLVE:REMIND#1", endOf("2026-03-20"))),
        s.firedLog());
    assertTrue(s.ticket.deadlines().values().stream().allMatch(x -> x.isMetInTime()));
    assertTrue(ladder.plan(s.ticket).steps().isEmpty());
  }

  @Test
  void threeWorkingDayTicketLeftAlone() {
    TicketDeadlines d = rules.start("T1", THREE_DAYS, received);
    assertEquals(at("2026-02-12T10:30"), d.signBy().orElseThrow());
    assertEquals(endOf("2026-02-12"), d.respondBy().orElseThrow());
    assertEquals(endOf("2026-02-24"), d.resolveBy().orElseThrow());

    SimulatedScheduler s = new SimulatedScheduler(clock, ladder, d);
    s.runUntil(at("2026-03-12T00:00"));
    assertEquals(
        List.of(
            fired("SIGN:REMIND", at("2026-02-12T10:15")),
            fired("SIGN:SUPERVISE", at("2026-02-12T10:30")),
            fired("RESPOND:REMIND", at("2026-02-12T21:59:59.999999")),
            fired("RESPOND:SUPERVISE", endOf("2026-02-12")),
            fired("SIGN:ESCALATE", at("2026-02-13T10:30")),
            fired("RESPOND:ESCALATE", endOf("2026-02-13")),
            fired("RESOLVE:REMIND", at("2026-02-24T21:59:59.999999")),
            fired("RESOLVE:SUPERVISE", endOf("2026-02-24")),
            fired("RESOLVE:ESCALATE", endOf("2026-02-25"))),
        s.firedLog());
  }

  @Test
  void threeWorkingDayTicketPausedOverTheSpringFestival() {
    SimulatedScheduler s = new SimulatedScheduler(clock, ladder, rules.start("T1", THREE_DAYS, received));
    s.runUntil(at("2026-02-12T10:20"));
    s.ticket = rules.meet(s.ticket, DeadlineKind.SIGN, clock.instant());
    s.runUntil(at("2026-02-12T15:00"));
    s.ticket = rules.meet(s.ticket, DeadlineKind.RESPOND, clock.instant());

    s.runUntil(at("2026-02-13T09:00"));
    s.ticket = rules.pause(s.ticket, clock.instant());
    s.runUntil(at("2026-02-25T09:00"));
    s.ticket = rules.resume(s.ticket, clock.instant());
    // Clock stood at the end of 02-13, 02-14 (worked Saturday) and 02-24: end of 02-24 + 3wd.
    assertEquals(endOf("2026-02-27"), s.ticket.resolveBy().orElseThrow());

    s.runUntil(at("2026-03-02T11:00"));
    s.ticket = rules.meet(s.ticket, DeadlineKind.RESOLVE, clock.instant()); // replied late
    s.runUntil(at("2026-03-12T00:00"));

    assertEquals(
        List.of(
            fired("SIGN:REMIND", at("2026-02-12T10:15")),
            fired("RESOLVE:REMIND", at("2026-02-27T21:59:59.999999")),
            fired("RESOLVE:SUPERVISE", endOf("2026-02-27")),
            fired("RESOLVE:ESCALATE", endOf("2026-02-28"))),
        s.firedLog());
    assertTrue(s.ticket.get(DeadlineKind.RESOLVE).orElseThrow().isMissed(clock.instant()));
  }

  @Test
  void redispatchStartsANewRoundWithNewKeys() {
    SimulatedScheduler s = new SimulatedScheduler(clock, ladder, rules.start("T1", COMPLEX, received));
    s.runUntil(at("2026-02-12T14:00"));
    s.ticket = rules.redispatch(s.ticket, COMPLEX, clock.instant()); // returned, sent elsewhere
    assertEquals(at("2026-02-12T16:00"), s.ticket.signBy().orElseThrow());
    s.runUntil(at("2026-02-12T16:30"));
    s.ticket = rules.meet(s.ticket, DeadlineKind.SIGN, clock.instant());
    s.runUntil(at("2026-02-13T13:00"));

    assertEquals(
        List.of(
            fired("SIGN:REMIND", at("2026-02-12T11:00")),
            fired("SIGN:SUPERVISE", at("2026-02-12T12:00")),
            fired("SIGN:REMIND#1", at("2026-02-12T15:00")),
            fired("SIGN:SUPERVISE#1", at("2026-02-12T16:00")),
            // 02-13 14:00 is the new respond-by; its 1wd reminder is the end of 02-12.
            fired("RESPOND:REMIND#1", endOf("2026-02-12"))),
        s.firedLog());
    // The old round's 通报 (02-13 12:00) did not fire: the new department got a fresh clock.
    assertFalse(Stream.of("T1:SIGN:ESCALATE", "T1:RESPOND:SUPERVISE").anyMatch(k -> s.firedLog().stream().anyMatch(l -> l.startsWith(k + " "))));
  }
}
