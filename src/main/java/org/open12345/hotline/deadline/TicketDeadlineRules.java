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

  /**
   * Swapped whole when the calendar folder is reloaded; each computation reads it once, so a
   * ticket's deadlines are never counted half on one calendar and half on another.
   */
  private volatile DeadlineCalculator calculator;

  public TicketDeadlineRules(DeadlineCalculator calculator) {
    this.calculator = calculator;
  }

  /** Counts on {@code calendar} from now on (the calendar folder changed). */
  public void useCalendar(WorkingCalendar calendar) {
    calculator = calculator.withCalendar(calendar);
  }

  /** The calculator in force. */
  public DeadlineCalculator calculator() {
    return calculator;
  }

  /** Deadlines of a ticket dispatched at {@code dispatchedAt} under {@code policy}. */
  public TicketDeadlines start(String ticketId, DeadlinePolicy policy, Instant dispatchedAt) {
    return fresh(calculator, ticketId, policy, dispatchedAt, Map.of());
  }

  /**
   * A re-dispatch (after a return, or to another department) starts every clock again from the
   * new dispatch, under the new department's policy; pauses, extensions and met marks of the old
   * round do not carry over. Each revision goes up so the new round's ladder steps fire again.
   */
  public TicketDeadlines redispatch(TicketDeadlines current, DeadlinePolicy policy, Instant dispatchedAt) {
    Map<DeadlineKind, Integer> next = new EnumMap<>(DeadlineKind.class);
    current.deadlines().forEach((k, d) -> next.put(k, d.revision() + 1));
    TicketDeadlines round = fresh(calculator, current.ticketId(), policy, dispatchedAt, next);
    // The last ruling stays, met (a re-dispatch is a ruling): the next return's ruling then gets
    // the next revision, so its ladder steps never share a key with an earlier return's.
    return current.get(DeadlineKind.RULING)
        .map(r -> replace(round, r.isMet() ? r : r.met(dispatchedAt), null))
        .orElse(round);
  }

  /**
   * A department returned the ticket (退单): the centre's ruling deadline starts now under
   * {@code term}, one revision past the previous ruling's. The department's deadlines stay as
   * they are, held for the ruling ({@link TicketDeadlines#awaitsRuling}) but not stopped.
   */
  public TicketDeadlines awaitRuling(TicketDeadlines d, DeadlineTerm term, TimeSpan escalateAfter, Instant at) {
    DeadlineCalculator c = calculator;
    TimeSpan span = term.within();
    WorkingDayCount count = span.unit() == TimeSpan.Unit.WORKING_DAYS ? c.count(at, span) : null;
    Instant due = count != null ? c.dueOf(count) : c.add(at, span);
    int revision = d.get(DeadlineKind.RULING).map(r -> r.revision() + 1).orElse(0);
    return replace(d, withPoints(c, term, escalateAfter, DeadlineKind.RULING, span, at, due, count, revision),
        d.pausedAt());
  }

  /** The centre ruled on the return at {@code at}: the ruling is met, the department's clock runs on. */
  public TicketDeadlines ruled(TicketDeadlines d, Instant at) {
    return meet(d, DeadlineKind.RULING, at);
  }

  private static TicketDeadlines fresh(DeadlineCalculator c, String ticketId, DeadlinePolicy policy,
      Instant dispatchedAt, Map<DeadlineKind, Integer> revisions) {
    Map<DeadlineKind, Deadline> out = new EnumMap<>(DeadlineKind.class);
    for (DeadlineKind kind : DeadlineKind.values()) {
      TimeSpan span = policy.spanFor(kind);
      if (span == null) {
        continue;
      }
      WorkingDayCount count = span.unit() == TimeSpan.Unit.WORKING_DAYS ? c.count(dispatchedAt, span) : null;
      Instant due = count != null ? c.dueOf(count) : c.add(dispatchedAt, span);
      out.put(kind, withPoints(c, policy.termFor(kind), policy.escalateAfter(), kind, span, dispatchedAt, due, count,
          revisions.getOrDefault(kind, 0)));
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
      if (k.isDepartments() == kind.isDepartments() && k.ordinal() <= kind.ordinal() && dl != null && !dl.isMet()) {
        out.put(k, dl.met(at));
      }
    }
    return new TicketDeadlines(d.ticketId(), d.policy(), d.dispatchedAt(), out, d.pausedAt());
  }

  /** An approved extension (延期) by a span: new resolve-by = old resolve-by + span. */
  public TicketDeadlines extend(TicketDeadlines d, TimeSpan extension) {
    DeadlineCalculator c = calculator;
    Deadline resolve = openResolve(d);
    if (extension.unit() != TimeSpan.Unit.WORKING_DAYS) {
      return extendTo(c, d, c.add(resolve.dueAt(), extension), null);
    }
    WorkingDayCount count = resolve.count() != null && extension.amount() > 0
        ? resolve.count().plus((int) Math.min(extension.amount(), 3660))
        : c.count(resolve.dueAt(), extension);
    return extendTo(c, d, c.dueOf(count), count);
  }

  /** An approved extension to an explicit last day: resolve-by = end of that day. */
  public TicketDeadlines extendTo(TicketDeadlines d, LocalDate lastDay) {
    DeadlineCalculator c = calculator;
    return extendTo(c, d, c.endOf(lastDay), null);
  }

  /** An approved extension to an explicit instant, which must be later than the current resolve-by. */
  public TicketDeadlines extendTo(TicketDeadlines d, Instant newDue) {
    return extendTo(calculator, d, newDue, null);
  }

  private static TicketDeadlines extendTo(DeadlineCalculator c, TicketDeadlines d, Instant newDue,
      WorkingDayCount count) {
    Deadline r = openResolve(d);
    if (!newDue.isAfter(r.dueAt())) {
      throw new IllegalArgumentException(
          "an extension must move resolve-by later than " + r.dueAt() + ", not to " + newDue);
    }
    Deadline moved = withPoints(c, d.policy().termFor(r.kind()), d.policy().escalateAfter(), r.kind(), r.span(),
        r.startedAt(), newDue, count, r.revision() + 1);
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
    DeadlineCalculator c = calculator;
    Duration paused = Duration.between(d.pausedAt(), at);
    Map<DeadlineKind, Deadline> out = new EnumMap<>(d.deadlines());
    for (Deadline dl : d.deadlines().values()) {
      if (!d.isFrozen(dl)) {
        continue;
      }
      Instant due;
      WorkingDayCount count = null;
      if (dl.span().unit() == TimeSpan.Unit.WORKING_DAYS) {
        int held = c.workingDaysPaused(d.pausedAt(), at);
        if (held == 0) {
          due = dl.dueAt();
          count = dl.count();
        } else {
          count = dl.count() != null ? dl.count().plus(held) : new WorkingDayCount(c.dateOf(dl.dueAt()), held);
          due = c.dueOf(count);
        }
      } else {
        due = dl.dueAt().plus(paused);
      }
      out.put(dl.kind(), withPoints(c, d.policy().termFor(dl.kind()), d.policy().escalateAfter(), dl.kind(),
          dl.span(), dl.startedAt().plus(paused), due, count, dl.revision()));
    }
    return new TicketDeadlines(d.ticketId(), d.policy(), d.dispatchedAt(), out, null);
  }

  /**
   * Counts again, on the calendar now in force, every open deadline that counted on a year that
   * was provisional and now has its official file: a working-day deadline's due time from its
   * count, and every deadline's reminders and escalation point. Met deadlines, and deadlines
   * whose provisional years are all still provisional, stay as they are; revisions do not change,
   * so a reminder already sent is not sent again and the steps still to come move.
   *
   * @return the recomputed deadlines; equal to {@code d} when nothing counted on such a year
   */
  public TicketDeadlines recompute(TicketDeadlines d) {
    return recompute(d, calculator);
  }

  /** {@link #recompute(TicketDeadlines)} on a calculator the caller holds (and took its years from). */
  static TicketDeadlines recompute(TicketDeadlines d, DeadlineCalculator c) {
    Map<DeadlineKind, Deadline> out = new EnumMap<>(d.deadlines());
    for (Deadline dl : d.deadlines().values()) {
      if (dl.isMet() || dl.provisionalYears().stream().allMatch(y -> c.calendar().isProvisional(y))) {
        continue;
      }
      Instant due = dl.count() != null ? c.dueOf(dl.count()) : dl.dueAt();
      out.put(dl.kind(), withPoints(c, d.policy().termFor(dl.kind()), d.policy().escalateAfter(), dl.kind(),
          dl.span(), dl.startedAt(), due, dl.count(), dl.revision()));
    }
    return new TicketDeadlines(d.ticketId(), d.policy(), d.dispatchedAt(), out, d.pausedAt());
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

  private static Deadline openResolve(TicketDeadlines d) {
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
   * Warnings: one per warning point of the deadline's term: {@code before} the deadline, or at
   * a {@code fraction} of the allowed time. A point that is not after the start (a 24h warning on
   * a 2h deadline) is dropped, and two points at the same instant are one reminder; a deadline
   * left with none (or whose term names none) warns at half the allowed time.
   * Escalation: {@code escalateAfter} after the deadline. The deadline is provisional when a
   * working-day count of its own (due time, reminders, escalation) spans a provisional year.
   *
   * @param term null = no warning points of its own
   */
  private static Deadline withPoints(DeadlineCalculator c, DeadlineTerm term, TimeSpan escalateAfter,
      DeadlineKind kind, TimeSpan span, Instant start, Instant due, WorkingDayCount count, int revision) {
    LocalDate first = c.dateOf(due);
    LocalDate last = first;
    boolean counted = count != null;
    if (counted) {
      first = count.after();
    }
    List<WarningTime> warnings = new ArrayList<>();
    for (WarningPoint p : term == null ? List.<WarningPoint>of() : term.warnings()) {
      Instant at = p.isFraction() ? fractionOf(start, due, p.fraction()) : c.subtract(due, p.before());
      if (!p.isFraction() && p.before().unit() == TimeSpan.Unit.WORKING_DAYS) {
        counted = true;
        first = first.isAfter(c.dateOf(at)) ? c.dateOf(at) : first;
      }
      if (at.isAfter(start) && warnings.stream().noneMatch(w -> w.at().equals(at))) {
        warnings.add(new WarningTime(p, at));
      }
    }
    if (warnings.isEmpty()) {
      warnings.add(new WarningTime(WarningPoint.HALF_TIME, start.plus(Duration.between(start, due).dividedBy(2))));
    }
    Instant escalate = c.add(due, escalateAfter);
    if (escalateAfter.unit() == TimeSpan.Unit.WORKING_DAYS) {
      counted = true;
      last = c.dateOf(escalate);
    }
    List<Integer> provisional = counted ? c.calendar().provisionalYears(first, last) : List.of();
    return new Deadline(kind, span, start, due, warnings, escalate, revision, null, count, provisional);
  }

  /** The instant {@code fraction} of the way from start to due, to the microsecond the database keeps. */
  private static Instant fractionOf(Instant start, Instant due, double fraction) {
    long micros = Duration.between(start, due).toNanos() / 1000;
    return start.plus(Math.round(micros * fraction), ChronoUnit.MICROS);
  }
}
