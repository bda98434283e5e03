package org.open12345.hotline.console;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  OperatorDesk(Seats seats, CallerPanel callers, CallbackTaskService tasks, QueueReader queues, ConsoleTime time) {
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

  /** {@code tasks}: open 回拨 tasks, oldest first; {@code followUps}: replied tickets to call back (回访). */
  Future<Map<String, Object>> callbacks(Viewer viewer) {
    Future<List<Map<String, Object>>> open = tasks.list("open").map(list -> list.stream()
        .limit(QueueReader.PAGE)
        .map(k -> Map.<String, Object>of("id", k.id(), "phone", k.phone(), "created", time.format(k.createdAt()),
            "hotline", k.hotlineNumber() == null ? "" : k.hotlineNumber()))
        .toList());
    Future<List<Map<String, Object>>> replied = queues.inStates(List.of(TicketStatus.REPLIED), null, viewer.actor());
    return Future.all(open, replied).map(v -> Map.of("tasks", open.result(), "followUps", replied.result()));
  }
}
