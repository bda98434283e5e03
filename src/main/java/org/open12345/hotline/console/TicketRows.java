package org.open12345.hotline.console;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.deadline.Deadlines;
import org.open12345.hotline.ticket.Ticket;

/**
 * Queue rows: a ticket as the queues list it (masked for the viewer where confidential), with the
 * countdown to its earliest running deadline, read for the whole page in one query.
 */
final class TicketRows {
  private final Deadlines deadlines;
  private final DepartmentOptions departments;
  private final ConsoleTime time;
  private final Clock clock;

  TicketRows(Deadlines deadlines, DepartmentOptions departments, ConsoleTime time, Clock clock) {
    this.deadlines = deadlines;
    this.departments = departments;
    this.time = time;
    this.clock = clock;
  }

  Future<List<Map<String, Object>>> of(List<Ticket> tickets, Actor viewer) {
    return deadlines.openDueOf(tickets.stream().map(Ticket::id).toList()).map(due -> {
      Instant now = clock.instant();
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Ticket t : tickets) {
        var shown = t.toJson(viewer);
        Map<String, Object> m = new HashMap<>();
        m.put("id", t.id());
        m.put("number", t.number());
        m.put("status", t.status().label());
        m.put("urgency", t.urgency().label());
        m.put("urgent", t.urgency() != org.open12345.hotline.ticket.Urgency.NORMAL);
        m.put("type", t.requestType().label());
        m.put("description", shown.getString("description"));
        m.put("phone", shown.getString("citizen_phone"));
        m.put("department", t.departmentId() == null ? "" : departments.name(t.departmentId()));
        m.put("created", time.format(t.createdAt()));
        Instant d = due.get(t.id());
        if (d != null && !t.status().terminal()) {
          m.put("dueIso", d.toString());
          m.put("countdown", Countdown.text(d, now));
          m.put("overdue", Countdown.overdue(d, now));
        }
        rows.add(m);
      }
      return rows;
    });
  }
}
