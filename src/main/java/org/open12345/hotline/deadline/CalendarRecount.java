package org.open12345.hotline.deadline;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a provisional year's official holiday file is in force, counts again every open ticket's
 * running deadlines that counted on that year ({@link TicketDeadlineRules#recompute}), re-plans
 * their ladder and logs {@code DEADLINES_RECOMPUTED} on the ticket.
 *
 * <p>Idempotent and safe with any number of instances, because what to recount is the rows' own
 * state, not an event: a row is a candidate while it names a year that is now official; it is
 * taken with {@code FOR UPDATE SKIP LOCKED} (instances take disjoint rows, and a ticket's own change
 * holding the row is not waited for: it is taken in a later run) and, recounted, no longer names
 * that year. So each deadline is recounted once, whichever instance gets there first, and a run
 * that finds nothing costs one indexed query. The ticket row is read, not locked, so this never
 * waits for a ticket action that holds the ticket and waits for this row.
 */
final class CalendarRecount {
  private static final Logger log = LoggerFactory.getLogger(CalendarRecount.class);
  private static final int BATCH = 100;

  private final Pool pool;
  private final TicketRepository tickets;
  private final DeadlineUpdates updates;
  private final TicketDeadlineRules rules;
  private final Clock clock;

  CalendarRecount(Pool pool, TicketRepository tickets, DeadlineUpdates updates, TicketDeadlineRules rules,
      Clock clock) {
    this.pool = pool;
    this.tickets = tickets;
    this.updates = updates;
    this.rules = rules;
    this.clock = clock;
  }

  /** @return how many tickets this call recounted */
  Future<Integer> run() {
    DeadlineCalculator c = rules.calculator();
    List<Integer> official = List.copyOf(c.calendar().years());
    if (official.isEmpty()) {
      return Future.succeededFuture(0);
    }
    return updates.repository().anyToRecount(pool, official)
        .compose(any -> any ? rounds(c, official, 0) : Future.succeededFuture(0))
        .onSuccess(n -> {
          if (n > 0) {
            log.info("holiday calendar: recounted the deadlines of {} open tickets on the official files of {}", n,
                official);
          }
        });
  }

  private Future<Integer> rounds(DeadlineCalculator c, List<Integer> official, int sofar) {
    return pool.withTransaction(tx -> round(tx, c, official))
        .compose(n -> n < BATCH ? Future.succeededFuture(sofar + n) : rounds(c, official, sofar + n));
  }

  private Future<Integer> round(SqlConnection tx, DeadlineCalculator c, List<Integer> official) {
    Instant now = clock.instant();
    return updates.repository().lockToRecount(tx, official, BATCH).compose(rows -> {
      List<Future<?>> writes = new ArrayList<>();
      for (TicketDeadlines d : rows) {
        writes.add(tickets.findByNumber(tx, d.ticketId())
            .compose(t -> recount(tx, t.orElseThrow(), d, TicketDeadlineRules.recompute(d, c), official, now)));
      }
      return Future.all(writes).map(rows.size());
    });
  }

  private Future<Void> recount(SqlConnection tx, Ticket t, TicketDeadlines before, TicketDeadlines after,
      List<Integer> official, Instant now) {
    JsonArray moved = new JsonArray();
    before.deadlines().forEach((kind, old) -> {
      Deadline next = after.deadlines().get(kind);
      if (!old.dueAt().equals(next.dueAt())) {
        moved.add(new JsonObject().put("kind", kind.name()).put("old_due_at", old.dueAt().toString())
            .put("new_due_at", next.dueAt().toString()));
      }
    });
    JsonArray years = new JsonArray(before.provisionalYears().stream().filter(official::contains).toList());
    return updates.apply(tx, t, after, "DEADLINES_RECOMPUTED", Actor.SYSTEM, now,
        new JsonObject().put("reason", "official_calendar").put("calendar_years", years).put("moved", moved));
  }
}
