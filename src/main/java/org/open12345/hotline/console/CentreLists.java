package org.open12345.hotline.console;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.deadline.Extensions;
import org.open12345.hotline.deadline.PauseRequests;
import org.open12345.hotline.deadline.TimeSpan;
import org.open12345.hotline.intake.EmergencyTransfer;
import org.open12345.hotline.intake.EmergencyTransfers;
import org.open12345.hotline.intake.InboundService;
import org.open12345.hotline.returns.Returns;
import org.open12345.hotline.returns.TicketReturn;
import org.open12345.hotline.routing.RuleSetHolder;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketService;
import org.open12345.hotline.ticket.TicketStatus;

/**
 * The dispatcher's lists beside the manual queue, each read through its owner's service:
 * emergencies of the last day (web ones with their ticket, to dispatch at once), returns to rule on
 * (most due first), extension and pause requests to decide (oldest first), and SMS replies the
 * parser left to a person (newest first).
 */
final class CentreLists {
  static final Duration EMERGENCIES_SINCE = Duration.ofHours(24);
  private final Returns returns;
  private final Extensions extensions;
  private final PauseRequests pauses;
  private final InboundService inbound;
  private final EmergencyTransfers emergencies;
  private final TicketService tickets;
  private final DepartmentOptions departments;
  private final RuleSetHolder rules;
  private final ConsoleTime time;
  private final Clock clock;

  record Sources(Returns returns, Extensions extensions, PauseRequests pauses, InboundService inbound,
      EmergencyTransfers emergencies, TicketService tickets) {}

  CentreLists(Sources s, DepartmentOptions departments, RuleSetHolder rules, ConsoleTime time, Clock clock) {
    this.returns = s.returns();
    this.extensions = s.extensions();
    this.pauses = s.pauses();
    this.inbound = s.inbound();
    this.emergencies = s.emergencies();
    this.tickets = s.tickets();
    this.departments = departments;
    this.rules = rules;
    this.time = time;
    this.clock = clock;
  }

  Future<Map<String, Object>> of(Actor viewer) {
    Instant now = clock.instant();
    Future<List<Map<String, Object>>> urgent = emergencies(now);
    Future<List<Map<String, Object>>> returned = returns.list(true, null, 0, QueueReader.PAGE)
        .map(p -> p.items().stream().map(r -> returned(r, p.asOf())).toList());
    Future<List<Map<String, Object>>> extended = extensions.pending(0, QueueReader.PAGE).map(list -> list.stream()
        .map(w -> Map.<String, Object>of("id", w.extension().id(), "number", w.ticketNumber(),
            "department", departments.name(w.extension().departmentId()),
            "asked", w.extension().span() != null ? spanLabel(w.extension().span()) : "至 " + w.extension().until(),
            "reason", w.extension().reason(), "requested", time.format(w.extension().requestedAt())))
        .toList());
    Future<List<Map<String, Object>>> paused = pauses.pending(0, QueueReader.PAGE).map(list -> list.stream()
        .map(p -> Map.<String, Object>of("id", p.id(), "number", p.ticketNumber(),
            "department", departments.name(p.departmentId()), "reason", p.reason().label(),
            "note", p.note() == null ? "" : p.note(), "requested", time.format(p.requestedAt())))
        .toList());
    Future<List<Map<String, Object>>> unparsed = inbound.messages("unparsed", null).map(list -> list.stream()
        .limit(QueueReader.PAGE)
        .map(m -> Map.<String, Object>of("id", m.id(), "phone", m.phone(), "text", m.text(),
            "received", time.format(m.receivedAt()), "number", m.ticketNumber() == null ? "" : m.ticketNumber()))
        .toList());
    return Future.all(List.of(urgent, returned, extended, paused, unparsed)).map(v -> {
      Map<String, Object> m = new HashMap<>();
      m.put("emergencies", urgent.result());
      m.put("returns", returned.result());
      m.put("extensions", extended.result());
      m.put("pauses", paused.result());
      m.put("unparsed", unparsed.result());
      m.put("departments", departments.picker());
      m.put("policies", policies());
      return m;
    });
  }

  private Map<String, Object> returned(TicketReturn r, Instant asOf) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", r.id());
    m.put("number", r.ticketNumber());
    m.put("department", departments.name(r.departmentId()));
    m.put("reason", r.reasonLabel() == null ? r.reason() : r.reasonLabel());
    m.put("note", r.note() == null ? "" : r.note());
    m.put("returned", time.format(r.returnedAt()));
    if (r.rulingDueAt() != null) {
      m.put("dueIso", r.rulingDueAt().toString());
      m.put("countdown", Countdown.text(r.rulingDueAt(), asOf));
      m.put("overdue", Countdown.overdue(r.rulingDueAt(), asOf));
    }
    return m;
  }

  /** The last day's emergencies, newest first; a web one with its ticket and whether it still waits. */
  private Future<List<Map<String, Object>>> emergencies(Instant now) {
    return emergencies.list(now.minus(EMERGENCIES_SINCE), null, null, null, QueueReader.PAGE, 0).compose(list -> {
      List<Future<java.util.Optional<Ticket>>> found = new ArrayList<>();
      list.forEach(e -> found.add("web".equals(e.source()) && e.reference() != null
          ? tickets.find(e.reference()) : Future.succeededFuture(java.util.Optional.empty())));
      return Future.all(found).map(v -> {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
          out.add(emergency(list.get(i), found.get(i).result().orElse(null)));
        }
        return out;
      });
    });
  }

  private Map<String, Object> emergency(EmergencyTransfer e, Ticket t) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", e.id());
    m.put("channel", switch (e.source()) {
      case "sms" -> "短信";
      case "web" -> "网上";
      default -> "电话";
    });
    m.put("number", e.number());
    m.put("word", e.matchedWord());
    m.put("phone", e.phone() == null ? "" : e.phone());
    m.put("text", e.text() == null ? "" : e.text());
    m.put("handling", e.handling());
    if (e.handled() != null) {
      m.put("handled", e.handled().label());
      m.put("handledBy", e.handled().by());
      m.put("handledAt", time.format(e.handled().at()));
      m.put("handledNote", e.handled().note() == null ? "" : e.handled().note());
    }
    m.put("at", time.format(e.createdAt()));
    m.put("ticket", t == null ? "" : t.number());
    m.put("status", t == null ? "" : t.status().label());
    m.put("waiting", t != null && (t.status() == TicketStatus.RECEIVED || t.status() == TicketStatus.RETURNED));
    return m;
  }

  /** {@code 5wd} as 「5个工作日」, {@code 72h} as 「72小时」; what it cannot read, as written. */
  static String spanLabel(String span) {
    try {
      TimeSpan t = TimeSpan.parse(span);
      return t.amount() + switch (t.unit()) {
        case MINUTES -> "分钟";
        case HOURS -> "小时";
        case NATURAL_DAYS -> "天";
        case WORKING_DAYS -> "个工作日";
      };
    } catch (IllegalArgumentException e) {
      return span;
    }
  }

  /** The deadline policies a dispatch may name (policies.yaml), by id; none chosen = the default. */
  List<Map<String, String>> policies() {
    List<Map<String, String>> out = new ArrayList<>();
    rules.current().policies().values().stream()
        .sorted(java.util.Comparator.comparing(p -> p.id()))
        .forEach(p -> out.add(Map.of("id", p.id(), "label", p.name() == null ? p.id() : p.name())));
    return out;
  }
}
