package org.open12345.hotline.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Sets and moves a ticket's deadlines: at dispatch, re-dispatch, approved extension, pause and
 * resume, and when the department acts. The exact rules are in docs/deadlines.md.
 */
public final class TicketDeadlineRules {

  private final DeadlineCalculator calculator;

  public TicketDeadlineRules(DeadlineCalculator calculator) {
    this.calculator = calculator;
  }

  /** Deadlines of a ticket dispatched at {@code dispatchedAt} under {@code policy}. */
  public TicketDeadlines start(String ticketId, DeadlinePolicy policy, Instant dispatchedAt) {
    return fresh(ticketId, policy, dispatchedAt, Map.of());
  }

  /**
   * A re-dispatch (after a return, or to another department) starts every clock again from the
   * new dispatch, under the new department's policy; pauses, extensions and met marks of the old
   * round do not carry over. Each revision goes up so the new round's ladder steps fire again.
   */
  public TicketDeadlines redispatch(TicketDeadlines current, DeadlinePolicy policy, Instant dispatchedAt) {
    Map<DeadlineKind, Integer> next = new EnumMap<>(DeadlineKind.class);
    current.deadlines().forEach((k, d) -> next.put(k, d.revision() + 1));
    return fresh(current.ticketId(), policy, dispatchedAt, next);
  }

  private TicketDeadlines fresh(
      String ticketId, DeadlinePolicy policy, Instant dispatchedAt, Map<DeadlineKind, Integer> revisions) {
    Map<DeadlineKind, Deadline> out = new EnumMap<>(DeadlineKind.class);
    for (DeadlineKind kind : DeadlineKind.values()) {
      TimeSpan span = policy.spanFor(kind);
      if (span == null) {
        continue;
      }
      Instant due = calculator.add(dispatchedAt, span);
      out.put(kind, withPoints(policy, kind, span, dispatchedAt, due, revisions.getOrDefault(kind, 0), null));
    }
    return new TicketDeadlines(ticketId, policy, dispatchedAt, out, null);
  }

  /**
   * The department acted. Meeting a later deadline also meets the earlier open ones at the same
   * instant: a reply implies the ticket was signed and the citizen contacted. Meeting a met
   * deadline again changes nothing (the first act counts).
   */
  public TicketDeadlines meet(TicketDeadlines d, DeadlineKind kind, Instant at) {
    Map<DeadlineKind, Deadline> out = new EnumMap<>(d.deadlines());
    for (DeadlineKind k : DeadlineKind.values()) {
      Deadline dl = out.get(k);
      if (k.ordinal() <= kind.ordinal() && dl != null && !dl.isMet()) {
        out.put(k, dl.met(at));
      }
    }
    return new TicketDeadlines(d.ticketId(), d.policy(), d.dispatchedAt(), out, d.pausedAt());
  }

  /** An approved extension (延期) by a span: new resolve-by = old resolve-by + span. */
  public TicketDeadlines extend(TicketDeadlines d, TimeSpan extension) {
    Deadline resolve = openResolve(d);
    return extendTo(d, calculator.add(resolve.dueAt(), extension));
  }

  /** An approved extension to an explicit last day: resolve-by = end of that day. */
  public TicketDeadlines extendTo(TicketDeadlines d, LocalDate lastDay) {
    return extendTo(d, calculator.endOf(lastDay));
  }

  /** An approved extension to an explicit instant, which must be later than the current resolve-by. */
  public TicketDeadlines extendTo(TicketDeadlines d, Instant newDue) {
    Deadline r = openResolve(d);
    if (!newDue.isAfter(r.dueAt())) {
      throw new IllegalArgumentException(
          "an extension must move resolve-by later than " + r.dueAt() + ", not to " + newDue);
    }
    Deadline moved = withPoints(d.policy(), r.kind(), r.span(), r.startedAt(), newDue, r.revision() + 1, null);
    return replace(d, moved, d.pausedAt());
  }

  /**
   * Stops the clock (e.g. waiting for the citizen). Only deadlines that are open and not yet due
   * are held; a deadline already missed stays missed and its ladder goes on.
   */
  public TicketDeadlines pause(TicketDeadlines d, Instant at) {
    if (d.isPaused()) {
      throw new IllegalStateException("ticket " + d.ticketId() + " is already paused since " + d.pausedAt());
    }
    return new TicketDeadlines(d.ticketId(), d.policy(), d.dispatchedAt(), d.deadlines(), at);
  }

  /**
   * Restarts the clock. Each held deadline moves later: a minutes/hours/natural-days deadline by
   * the paused duration; a working-day deadline by the number of working days at whose end the
   * clock was stopped (working days in [pause date, resume date)), staying at end of day.
   */
  public TicketDeadlines resume(TicketDeadlines d, Instant at) {
    if (!d.isPaused()) {
      throw new IllegalStateException("ticket " + d.ticketId() + " is not paused");
    }
    if (at.isBefore(d.pausedAt())) {
      throw new IllegalArgumentException("resume at " + at + " is before the pause at " + d.pausedAt());
    }
    Duration paused = Duration.between(d.pausedAt(), at);
    Map<DeadlineKind, Deadline> out = new EnumMap<>(d.deadlines());
    for (Deadline dl : d.deadlines().values()) {
      if (!d.isFrozen(dl)) {
        continue;
      }
      Instant due =
          dl.span().unit() == TimeSpan.Unit.WORKING_DAYS
              ? calculator.addWorkingDays(dl.dueAt(), calculator.workingDaysPaused(d.pausedAt(), at))
              : dl.dueAt().plus(paused);
      out.put(
          dl.kind(),
          withPoints(d.policy(), dl.kind(), dl.span(), dl.startedAt().plus(paused), due, dl.revision(), null));
    }
    return new TicketDeadlines(d.ticketId(), d.policy(), d.dispatchedAt(), out, null);
  }

  /**
   * Time left per open deadline, by the injected clock; negative when overdue. While paused, a
   * held deadline shows the time it had left when the clock stopped.
   */
  public Map<DeadlineKind, Duration> timeLeft(TicketDeadlines d) {
    Map<DeadlineKind, Duration> out = new EnumMap<>(DeadlineKind.class);
    Instant now = calculator.now();
    for (Deadline dl : d.deadlines().values()) {
      if (dl.isMet()) {
        continue;
      }
      Instant reference = d.isFrozen(dl) ? d.pausedAt() : now;
      out.put(dl.kind(), Duration.between(reference, dl.dueAt()));
    }
    return out;
  }

  private Deadline openResolve(TicketDeadlines d) {
    Deadline r =
        d.get(DeadlineKind.RESOLVE)
            .orElseThrow(() -> new IllegalStateException("ticket " + d.ticketId() + " has no resolve deadline"));
    if (r.isMet()) {
      throw new IllegalStateException("ticket " + d.ticketId() + " is already resolved; nothing to extend");
    }
    return r;
  }

  private static TicketDeadlines replace(TicketDeadlines d, Deadline dl, Instant pausedAt) {
    Map<DeadlineKind, Deadline> out = new EnumMap<>(d.deadlines());
    out.put(dl.kind(), dl);
    return new TicketDeadlines(d.ticketId(), d.policy(), d.dispatchedAt(), out, pausedAt);
  }

  /**
   * Warnings: one per warning point of the policy's deadline: {@code before} the deadline, or at
   * a {@code fraction} of the allowed time. A point that is not after the start (a 24h warning on
   * a 2h deadline) is dropped, and two points at the same instant are one reminder; a deadline
   * left with none (or whose policy names none) warns at half the allowed time.
   * Escalation: {@code escalateAfter} after the deadline.
   */
  private Deadline withPoints(
      DeadlinePolicy policy, DeadlineKind kind, TimeSpan span, Instant start, Instant due, int revision, Instant metAt) {
    List<WarningTime> warnings = new ArrayList<>();
    for (WarningPoint p : policy.termFor(kind).warnings()) {
      Instant at = p.isFraction() ? fractionOf(start, due, p.fraction()) : calculator.subtract(due, p.before());
      if (at.isAfter(start) && warnings.stream().noneMatch(w -> w.at().equals(at))) {
        warnings.add(new WarningTime(p, at));
      }
    }
    if (warnings.isEmpty()) {
      warnings.add(new WarningTime(WarningPoint.HALF_TIME, start.plus(Duration.between(start, due).dividedBy(2))));
    }
    Instant escalate = calculator.add(due, policy.escalateAfter());
    return new Deadline(kind, span, start, due, warnings, escalate, revision, metAt);
  }

  /** The instant {@code fraction} of the way from start to due, to the microsecond the database keeps. */
  private static Instant fractionOf(Instant start, Instant due, double fraction) {
    long micros = Duration.between(start, due).toNanos() / 1000;
    return start.plus(Math.round(micros * fraction), ChronoUnit.MICROS);
  }
}
