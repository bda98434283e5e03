package org.open12345.hotline.ticket;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.db.DeferredRows;

/**
 * Appends to and reads a ticket's event log. Appends take the caller's transaction connection so
 * an event exists exactly when the change it records was committed.
 */
public final class TicketEventRepository {
  /**
   * The one INSERT into the event log. Writers that append an event in the same statement as
   * their change (a CTE, one round trip) use it as {@code INSERT_INTO + " SELECT ..."}.
   */
  public static final String INSERT_INTO =
      "INSERT INTO ticket_events (ticket_id, at, actor, role, action, from_status, to_status, details)";

  private TicketEventRepository() {}

  /**
   * Many events in one statement, in the order given (ids follow the array order: unnest is read
   * in order and each row draws its id as it is inserted).
   */
  private static final String INSERT_MANY = INSERT_INTO + """

      SELECT ticket_id, at, actor, role, action, from_status, to_status, details::jsonb
        FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                    $8::text[]) AS e(ticket_id, at, actor, role, action, from_status, to_status, details)""";

  /**
   * Appends an event. In a group-commit batch every event waits for the batch's end and all go in
   * one statement, in the order they were appended: a ticket's log reads in the order its changes
   * happened because every event of the batch takes this way (writers that append in their own
   * statement use {@link #appendsDeferred} to know when they must not).
   */
  public static Future<Void> append(
      SqlClient tx, long ticketId, Instant at, Actor actor, String action, TicketStatus from, TicketStatus to,
      JsonObject details) {
    if (appendsDeferred(tx)) {
      return DeferredRows.write(tx, INSERT_MANY, new Long[] {ticketId}, new OffsetDateTime[] {at.atOffset(ZoneOffset.UTC)},
          new String[] {actor.id()}, new String[] {actor.role().name()}, new String[] {action},
          new String[] {from == null ? null : from.name()}, new String[] {to == null ? null : to.name()},
          new String[] {(details == null ? new JsonObject() : details).encode()});
    }
    return tx.preparedQuery(
            INSERT_INTO + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
        .execute(Tuple.from(new Object[] {
            ticketId, at.atOffset(ZoneOffset.UTC), actor.id(), actor.role().name(), action,
            from == null ? null : from.name(), to == null ? null : to.name(),
            details == null ? new JsonObject() : details}))
        .mapEmpty();
  }

  /** True when events appended on {@code tx} wait for its group-commit batch's end. */
  public static boolean appendsDeferred(SqlClient tx) {
    return DeferredRows.inBatch(tx);
  }

  public static Future<List<TicketEvent>> timeline(SqlClient db, long ticketId) {
    return DeferredRows.flushed(db).compose(v -> db.preparedQuery(
            """
            SELECT id, at, actor, role, action, from_status, to_status, details
              FROM ticket_events WHERE ticket_id = $1 ORDER BY id""")
        .execute(Tuple.of(ticketId))
        .map(rows -> {
          List<TicketEvent> out = new java.util.ArrayList<>();
          rows.forEach(r -> out.add(TicketEvent.from(r)));
          return out;
        }));
  }

  /** The events with one of {@code actions} of each ticket, oldest first; tickets without any are absent. */
  public static Future<Map<Long, List<TicketEvent>>> events(SqlClient db, Collection<Long> ticketIds,
      Collection<String> actions) {
    return DeferredRows.flushed(db).compose(v -> db.preparedQuery("""
            SELECT ticket_id, id, at, actor, role, action, from_status, to_status, details FROM ticket_events
            WHERE ticket_id = ANY($1) AND action = ANY($2)
            ORDER BY ticket_id, id""")
        .execute(Tuple.tuple().addValue(ticketIds.toArray(Long[]::new)).addValue(actions.toArray(String[]::new)))
        .map(rows -> {
          Map<Long, List<TicketEvent>> out = new HashMap<>();
          rows.forEach(r -> out.computeIfAbsent(r.getLong("ticket_id"), k -> new ArrayList<>())
              .add(TicketEvent.from(r)));
          return out;
        }));
  }
}
