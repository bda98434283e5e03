package org.open12345.hotline.console;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.deadline.Deadlines;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketQuery;
import org.open12345.hotline.ticket.TicketService;
import org.open12345.hotline.ticket.TicketStatus;

/** The lists the desks show: tickets in some states within the viewer's scope, and the overdue list. */
final class QueueReader {
  static final int PAGE = 50;
  private final TicketService tickets;
  private final Deadlines deadlines;
  private final TicketRows rows;
  private final DepartmentOptions departments;
  private final ConsoleTime time;

  QueueReader(TicketService tickets, Deadlines deadlines, TicketRows rows, DepartmentOptions departments,
      ConsoleTime time) {
    this.tickets = tickets;
    this.deadlines = deadlines;
    this.rows = rows;
    this.departments = departments;
    this.time = time;
  }

  /** Tickets in these states (newest first within each state), as rows for {@code viewer}. */
  Future<List<Map<String, Object>>> inStates(List<TicketStatus> states, String phone, Actor viewer) {
    List<Future<List<Ticket>>> parts = new ArrayList<>();
    for (TicketStatus s : states) {
      parts.add(tickets.list(new TicketQuery(s, null, null, null, phone, 0, PAGE, viewer.scope())));
    }
    return Future.all(parts).compose(all -> {
      List<Ticket> found = new ArrayList<>();
      parts.forEach(p -> found.addAll(p.result()));
      return rows.of(found, viewer);
    });
  }

  /** Open tickets past a running deadline, most overdue first. */
  Future<List<Map<String, Object>>> overdue(String departmentId, Actor viewer) {
    return deadlines.overdue(departmentId, viewer.scope(), 0, PAGE).map(o -> {
      List<Map<String, Object>> out = new ArrayList<>();
      o.tickets().forEach(t -> {
        Map<String, Object> m = new HashMap<>();
        m.put("number", t.number());
        TicketStatus s = TicketStatus.parse(t.status());
        m.put("status", s == null ? t.status() : s.label());
        m.put("department", departments.name(t.departmentId()));
        m.put("due", time.format(t.dueAt()));
        m.put("dueIso", t.dueAt().toString());
        m.put("countdown", Countdown.text(t.dueAt(), o.asOf()));
        m.put("overdue", true);
        m.put("late", Duration.between(t.dueAt(), o.asOf()).compareTo(Duration.ofDays(1)) > 0);
        out.add(m);
      });
      return out;
    });
  }

}
