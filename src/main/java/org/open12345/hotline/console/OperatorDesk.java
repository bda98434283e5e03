package org.open12345.hotline.console;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Clock;
import java.time.Instant;
import org.open12345.hotline.evaluation.CallbackBy;
import org.open12345.hotline.evaluation.Numbered;
import org.open12345.hotline.evaluation.RatingCase;
import org.open12345.hotline.evaluation.RatingCaseStatus;
import org.open12345.hotline.evaluation.RatingCases;
import org.open12345.hotline.intake.voice.CallbackTaskService;
import org.open12345.hotline.ticket.TicketStatus;

/**
 * The operator desk's parts beyond the ticket form: the extension the operator sits at (for call
 * pops), the caller panel of a searched number, and the queue of calls the operator owes: 回拨
 * (abandoned calls to call back) and 回访 (replied tickets whose citizen is to be asked).
 */
final class OperatorDesk {
  private final Seats seats;
  private final CallerPanel callers;
  private final CallbackTaskService tasks;
  private final QueueReader queues;
  private final ConsoleTime time;
  private final RatingCases ratingCases;
  private final DepartmentOptions departments;
  private final Clock clock;

  OperatorDesk(Seats seats, CallerPanel callers, CallbackTaskService tasks, QueueReader queues, ConsoleTime time,
      RatingCases ratingCases, DepartmentOptions departments, Clock clock) {
    this.ratingCases = ratingCases;
    this.departments = departments;
    this.clock = clock;
    this.seats = seats;
    this.callers = callers;
    this.tasks = tasks;
    this.queues = queues;
    this.time = time;
  }

  Seats seats() {
    return seats;
  }

  CallerPanel callers() {
    return callers;
  }

  CallbackTaskService tasks() {
    return tasks;
  }

  /** The desk's values: {@code seat}, {@code caller} (null without a number), {@code callbacks}. */
  Future<Map<String, Object>> values(Viewer viewer, String phone) {
    Future<Optional<String>> seat = seats.of(viewer.actor());
    Future<Map<String, Object>> caller = phone == null ? Future.succeededFuture(null)
        : callers.of(phone, viewer.actor());
    Future<Map<String, Object>> owed = callbacks(viewer);
    return Future.all(seat, caller, owed).map(v -> {
      Map<String, Object> m = new HashMap<>(owed.result());
      m.put("seat", seat.result().orElse(""));
      m.put("caller", caller.result());
      return m;
    });
  }

  /**
   * {@code tasks}: open 回拨 tasks, oldest first; {@code followUps}: replied tickets to call back
   * (回访); {@code caseCallbacks}: 差评 cases whose verification call is the centre's (差评核实回访,
   * due within 48 h), the one due soonest first, read through the evaluation feature's service.
   */
  Future<Map<String, Object>> callbacks(Viewer viewer) {
    Future<List<Map<String, Object>>> open = tasks.list("open").map(list -> list.stream()
        .limit(QueueReader.PAGE)
        .map(k -> Map.<String, Object>of("id", k.id(), "phone", k.phone(), "created", time.format(k.createdAt()),
            "hotline", k.hotlineNumber() == null ? "" : k.hotlineNumber()))
        .toList());
    Future<List<Map<String, Object>>> replied = queues.inStates(List.of(TicketStatus.REPLIED), null, viewer.actor());
    Future<List<Map<String, Object>>> cases = ratingCases.dueFirst(List.of(RatingCaseStatus.CALLBACK_DUE),
        CallbackBy.CENTRE, viewer.actor(), 0, QueueReader.PAGE).map(this::caseRows);
    return Future.all(open, replied, cases).map(v -> Map.of("tasks", open.result(), "followUps", replied.result(),
        "caseCallbacks", cases.result()));
  }

  private List<Map<String, Object>> caseRows(Numbered<RatingCase> cases) {
    Instant now = clock.instant();
    return cases.items().stream().map(c -> Map.<String, Object>of("id", c.id(),
        "number", String.valueOf(cases.numberOf(c.ticketId())), "department", departments.name(c.departmentId()),
        "dueIso", c.callbackDueAt().toString(), "countdown", Countdown.text(c.callbackDueAt(), now),
        "overdue", Countdown.overdue(c.callbackDueAt(), now))).toList();
  }
}
