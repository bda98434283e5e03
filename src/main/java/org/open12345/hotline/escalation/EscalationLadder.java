package org.open12345.hotline.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.open12345.hotline.deadline.CaseDeadlines;
import org.open12345.hotline.deadline.Deadline;
import org.open12345.hotline.deadline.DeadlineKind;
import org.open12345.hotline.deadline.DeadlineTerm;
import org.open12345.hotline.deadline.TicketDeadlines;

/**
 * The 催办 → 督办 → 通报 ladder of one policy: turns a ticket's deadlines into the steps still to
 * fire. Pure: the scheduler stores the plan, fires due steps once by their key, and asks again
 * after every change of the ticket's deadlines.
 */
public final class EscalationLadder {

  private final List<LadderRung> rungs;

  public EscalationLadder(List<LadderRung> rungs) {
    Set<String> seen = new HashSet<>();
    for (LadderRung r : rungs) {
      for (DeadlineKind k : r.deadlines()) {
        if (!seen.add(k + ":" + r.step())) {
          // The key ticket:deadline:step must be unique, or one of the two would never fire.
          throw new IllegalArgumentException("ladder has two " + r.step() + " steps for " + k);
        }
      }
    }
    this.rungs = List.copyOf(rungs);
  }

  /**
   * The shipped default, for each of the department's deadlines: 催办 (level 0) to the
   * department at the warning point; 督办 (level 1) at the deadline to the department and its
   * escalation contacts; 通报 (level 2) at the escalation point to the parent department and the
   * supervisors, marked for 通报. All by mail and robot. For the centre's ruling on a return: 催办
   * to the supervisors by mail, 督办 at the deadline by mail and robot; no 通报 (the centre does not
   * circulate itself).
   */
  public static EscalationLadder shippedDefault() {
    Set<NoticeChannel> mailAndRobot = EnumSet.of(NoticeChannel.MAIL, NoticeChannel.ROBOT);
    Set<DeadlineKind> all = EnumSet.of(DeadlineKind.SIGN, DeadlineKind.RESPOND, DeadlineKind.RESOLVE);
    Set<DeadlineKind> ruling = EnumSet.of(DeadlineKind.RULING);
    return new EscalationLadder(
        List.of(
            new LadderRung(StepKind.REMIND, 0, Anchor.WARNING, EnumSet.of(Audience.DEPARTMENT), mailAndRobot, false, all),
            new LadderRung(
                StepKind.SUPERVISE,
                1,
                Anchor.DEADLINE,
                EnumSet.of(Audience.DEPARTMENT, Audience.ESCALATION_CONTACTS),
                mailAndRobot,
                false,
                all),
            new LadderRung(
                StepKind.ESCALATE,
                2,
                Anchor.ESCALATION,
                EnumSet.of(Audience.PARENT_DEPARTMENT, Audience.SUPERVISORS),
                mailAndRobot,
                true,
                all),
            new LadderRung(StepKind.REMIND, 0, Anchor.WARNING, EnumSet.of(Audience.SUPERVISORS),
                EnumSet.of(NoticeChannel.MAIL), false, ruling),
            new LadderRung(StepKind.SUPERVISE, 1, Anchor.DEADLINE, EnumSet.of(Audience.SUPERVISORS), mailAndRobot,
                false, ruling)));
  }

  /**
   * The ladder of a 差评 case's deadlines (callback and fix): the same three rungs as a ticket's.
   * Where the centre acts (the callback, unless the rule files give it to the department),
   * {@link #planCase} addresses every step to the supervisors instead.
   */
  public static EscalationLadder caseDefault() {
    Set<NoticeChannel> mailAndRobot = EnumSet.of(NoticeChannel.MAIL, NoticeChannel.ROBOT);
    Set<DeadlineKind> caseKinds = EnumSet.of(DeadlineKind.CALLBACK, DeadlineKind.FIX);
    return new EscalationLadder(List.of(
        new LadderRung(StepKind.REMIND, 0, Anchor.WARNING, EnumSet.of(Audience.DEPARTMENT), mailAndRobot, false,
            caseKinds),
        new LadderRung(StepKind.SUPERVISE, 1, Anchor.DEADLINE,
            EnumSet.of(Audience.DEPARTMENT, Audience.ESCALATION_CONTACTS), mailAndRobot, false, caseKinds),
        new LadderRung(StepKind.ESCALATE, 2, Anchor.ESCALATION,
            EnumSet.of(Audience.PARENT_DEPARTMENT, Audience.SUPERVISORS), mailAndRobot, true, caseKinds)));
  }

  public List<LadderRung> rungs() {
    return rungs;
  }

  /**
   * The steps still to fire. A met deadline has none (acting stops its ladder); a deadline held
   * by a pause has none until the clock resumes and moves it; while a return waits for its ruling
   * only the ruling has steps. Steps already in the past are
   * included: the scheduler's exactly-once key decides whether they fired. A rung at the warning
   * point gives one step per reminder of the deadline ({@link Deadline#warnings()}).
   */
  public LadderPlan plan(TicketDeadlines d) {
    List<PlannedStep> steps = new ArrayList<>();
    for (Deadline dl : d.deadlines().values()) {
      if (dl.isMet() || d.isFrozen(dl) || !d.isRunning(dl)) {
        continue;
      }
      boolean named = severalWarningPoints(d, dl.kind());
      for (LadderRung r : rungs) {
        if (!r.deadlines().contains(dl.kind())) {
          continue;
        }
        switch (r.at()) {
          case WARNING -> dl.warnings().forEach(w ->
              steps.add(step(d, dl, r, w.at(), named ? w.point().toString() : null)));
          case DEADLINE -> steps.add(step(d, dl, r, dl.dueAt(), null));
          case ESCALATION -> steps.add(step(d, dl, r, dl.escalateAt(), null));
        }
      }
    }
    steps.sort(
        Comparator.comparing(PlannedStep::dueAt)
            .thenComparingInt(PlannedStep::level)
            .thenComparing(PlannedStep::deadlineKind));
    return new LadderPlan(d.ticketId(), steps);
  }

  /**
   * The steps still to fire for a case's deadlines: none for a met deadline or an ended case.
   * Keys start with the case's plan ({@code rating_case:17:CALLBACK:SUPERVISE}); a reminder's key
   * names its point only when the deadline has several. A deadline the centre acts on has every step
   * addressed to the supervisors and none marked for 通报 (the centre does not circulate itself).
   */
  public LadderPlan planCase(CaseDeadlines c) {
    List<PlannedStep> steps = new ArrayList<>();
    if (!c.ended()) {
      for (Deadline dl : c.deadlines()) {
        if (dl.isMet()) {
          continue;
        }
        boolean centre = c.actingDepartment(dl.kind()) == null;
        for (LadderRung r : rungs) {
          if (!r.deadlines().contains(dl.kind())) {
            continue;
          }
          Set<Audience> to = centre ? EnumSet.of(Audience.SUPERVISORS) : r.to();
          boolean circulate = !centre && r.circulate();
          String key = PlannedStep.key(c.plan(), dl.kind(), r.step(), null, dl.revision());
          switch (r.at()) {
            case WARNING -> dl.warnings().forEach(w -> steps.add(new PlannedStep(
                dl.warnings().size() == 1 ? key
                    : PlannedStep.key(c.plan(), dl.kind(), r.step(), w.point().toString(), dl.revision()),
                c.plan(), dl.kind(), r.step(), r.level(), w.at(), dl.dueAt(), to, r.via(), circulate)));
            case DEADLINE -> steps.add(new PlannedStep(key, c.plan(), dl.kind(), r.step(), r.level(), dl.dueAt(),
                dl.dueAt(), to, r.via(), circulate));
            case ESCALATION -> steps.add(new PlannedStep(key, c.plan(), dl.kind(), r.step(), r.level(),
                dl.escalateAt(), dl.dueAt(), to, r.via(), circulate));
          }
        }
      }
    }
    steps.sort(Comparator.comparing(PlannedStep::dueAt).thenComparingInt(PlannedStep::level)
        .thenComparing(PlannedStep::deadlineKind));
    return new LadderPlan(c.plan(), steps);
  }

  /**
   * Whether the policy names several warning points for this deadline: then each reminder's key
   * names its point ({@code T:RESOLVE:REMIND@4h}), so that moving the deadline (a pause) keeps
   * each reminder's key and a fired one never fires again. A single point keeps the plain key
   * ({@code T:RESOLVE:REMIND}) that tickets planned before warning lists already carry.
   */
  private static boolean severalWarningPoints(TicketDeadlines d, DeadlineKind kind) {
    DeadlineTerm term = d.policy().termFor(kind);
    return term != null && term.warnings().size() > 1;
  }

  private static PlannedStep step(TicketDeadlines d, Deadline dl, LadderRung r, Instant at, String point) {
    return new PlannedStep(PlannedStep.key(d.ticketId(), dl.kind(), r.step(), point, dl.revision()), d.ticketId(),
        dl.kind(), r.step(), r.level(), at, dl.dueAt(), r.to(), r.via(), r.circulate());
  }
}
