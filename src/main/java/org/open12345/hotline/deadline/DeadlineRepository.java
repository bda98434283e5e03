package org.open12345.hotline.deadline;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.open12345.hotline.db.DeferredRows;

/** SQL for ticket_deadlines: one row per dispatched ticket, its whole deadline state as JSON. */
public final class DeadlineRepository {

  private static final String FIND = """
      SELECT state FROM ticket_deadlines WHERE ticket_id = $1""";

  private static final String LOCK = """
      SELECT state FROM ticket_deadlines WHERE ticket_id = $1 FOR UPDATE""";

  private static final String SAVE = """
      INSERT INTO ticket_deadlines (ticket_id, policy, department_id, sign_by, respond_by, resolve_by,
                                    open_due_at, paused_at, state, updated_at, provisional_years)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
      ON CONFLICT (ticket_id) DO UPDATE SET
        policy = EXCLUDED.policy, department_id = EXCLUDED.department_id,
        sign_by = EXCLUDED.sign_by, respond_by = EXCLUDED.respond_by, resolve_by = EXCLUDED.resolve_by,
        open_due_at = EXCLUDED.open_due_at, paused_at = EXCLUDED.paused_at, state = EXCLUDED.state,
        updated_at = EXCLUDED.updated_at, provisional_years = EXCLUDED.provisional_years""";

  /**
   * The first row of tickets dispatched for the first time (no row yet): every column an array, so
   * a group-commit batch writes all its tickets' rows in one statement ({@link DeferredRows}). The
   * state travels as text and the provisional years comma-joined (unnest flattens nested arrays).
   */
  private static final String INSERT_FIRST = """
      INSERT INTO ticket_deadlines (ticket_id, policy, department_id, sign_by, respond_by, resolve_by,
                                    open_due_at, paused_at, state, updated_at, provisional_years)
      SELECT s.ticket_id, s.policy, s.department_id, s.sign_by, s.respond_by, s.resolve_by, s.open_due_at,
             s.paused_at, s.state::jsonb, s.updated_at, string_to_array(s.provisional_years, ',')::int[]
      FROM unnest($1::bigint[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[],
                  $7::timestamptz[], $8::timestamptz[], $9::text[], $10::timestamptz[], $11::text[])
           AS s(ticket_id, policy, department_id, sign_by, respond_by, resolve_by, open_due_at, paused_at, state,
                updated_at, provisional_years)""";

  /** The partial GIN index finds the rows; nearly every row has no provisional year and is not in it. */
  private static final String ANY_TO_RECOUNT = """
      SELECT EXISTS (SELECT 1 FROM ticket_deadlines
                     WHERE provisional_years IS NOT NULL AND provisional_years && $1::int[])""";

  /** SKIP LOCKED: instances recounting at once take disjoint rows, and never wait on a ticket's change. */
  private static final String LOCK_TO_RECOUNT = """
      SELECT state FROM ticket_deadlines
      WHERE provisional_years IS NOT NULL AND provisional_years && $1::int[]
      ORDER BY ticket_id LIMIT $2
      FOR UPDATE SKIP LOCKED""";

  /** The partial index on open_due_at serves the range and the order; a department only filters. */
  private static final String OVERDUE = """
      SELECT t.number, t.status, d.department_id, d.policy, d.open_due_at
      FROM ticket_deadlines d JOIN tickets t ON t.id = d.ticket_id
      WHERE d.open_due_at < $1 AND ($2::text IS NULL OR d.department_id = $2)
        AND ($5::text[] IS NULL OR d.department_id = ANY($5))
      ORDER BY d.open_due_at
      LIMIT $3 OFFSET $4""";

  private static final String RESOLVE_BY = """
      SELECT ticket_id, resolve_by FROM ticket_deadlines
      WHERE ticket_id = ANY($1) AND resolve_by IS NOT NULL""";

  private static final String OPEN_DUE = """
      SELECT ticket_id, open_due_at FROM ticket_deadlines
      WHERE ticket_id = ANY($1) AND open_due_at IS NOT NULL""";

  /** One line of the overdue list. */
  public record OverdueTicket(String number, String status, String departmentId, String policy, Instant dueAt) {}

  public Future<Optional<TicketDeadlines>> find(SqlClient db, long ticketId) {
    return DeferredRows.flushed(db)
        .compose(v -> db.preparedQuery(FIND).execute(Tuple.of(ticketId))).map(DeadlineRepository::state);
  }

  /** The resolve-by time of each of these tickets that has one. */
  public Future<java.util.Map<Long, Instant>> resolveBy(SqlClient db, java.util.Collection<Long> ticketIds) {
    return DeferredRows.flushed(db)
        .compose(v -> db.preparedQuery(RESOLVE_BY).execute(Tuple.of((Object) ticketIds.toArray(Long[]::new))))
        .map(rows -> {
          java.util.Map<Long, Instant> out = new java.util.HashMap<>();
          rows.forEach(r -> out.put(r.getLong(0), r.getOffsetDateTime(1).toInstant()));
          return out;
        });
  }

  /** The earliest running deadline of each of these tickets that has one (none while paused or done). */
  public Future<java.util.Map<Long, Instant>> openDue(SqlClient db, java.util.Collection<Long> ticketIds) {
    return DeferredRows.flushed(db)
        .compose(v -> db.preparedQuery(OPEN_DUE).execute(Tuple.of((Object) ticketIds.toArray(Long[]::new))))
        .map(rows -> {
          java.util.Map<Long, Instant> out = new java.util.HashMap<>();
          rows.forEach(r -> out.put(r.getLong(0), r.getOffsetDateTime(1).toInstant()));
          return out;
        });
  }

  /** Reads and locks the row until the transaction ends. */
  public Future<Optional<TicketDeadlines>> lock(SqlClient tx, long ticketId) {
    return DeferredRows.flushed(tx)
        .compose(v -> tx.preparedQuery(LOCK).execute(Tuple.of(ticketId))).map(DeadlineRepository::state);
  }

  private static Optional<TicketDeadlines> state(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(TicketDeadlinesJson.read(it.next().getJsonObject("state"))) : Optional.empty();
  }

  /**
   * @param open false once the ticket left the departments' hands: nothing of it is overdue then,
   *     and nothing of it is recounted when a provisional year's file arrives
   */
  public Future<Void> save(SqlClient tx, long ticketId, String departmentId, TicketDeadlines d, boolean open,
      Instant at) {
    JsonObject state = TicketDeadlinesJson.write(d);
    Instant openDue = open ? d.openDueAt() : null;
    List<Integer> provisional = open ? d.provisionalYears() : List.of();
    return DeferredRows.flushed(tx).compose(v -> tx.preparedQuery(SAVE)
        .execute(Tuple.from(new Object[] {
            ticketId, d.policy().name(), departmentId, odt(d.signBy().orElse(null)),
            odt(d.respondBy().orElse(null)), odt(d.resolveBy().orElse(null)), odt(openDue),
            odt(d.pausedAt()), state, odt(at), provisional.isEmpty() ? null : provisional.toArray(Integer[]::new)})))
        .mapEmpty();
  }

  /**
   * The row of a ticket dispatched for the first time, which has none yet; in a group-commit batch
   * it is written at the batch's end with the other tickets' rows.
   */
  public Future<Void> insertFirst(SqlClient tx, long ticketId, String departmentId, TicketDeadlines d, Instant at) {
    List<Integer> provisional = d.provisionalYears();
    return DeferredRows.write(tx, INSERT_FIRST, new Long[] {ticketId}, new String[] {d.policy().name()},
        new String[] {departmentId}, new OffsetDateTime[] {odt(d.signBy().orElse(null))},
        new OffsetDateTime[] {odt(d.respondBy().orElse(null))}, new OffsetDateTime[] {odt(d.resolveBy().orElse(null))},
        new OffsetDateTime[] {odt(d.openDueAt())}, new OffsetDateTime[] {odt(d.pausedAt())},
        new String[] {TicketDeadlinesJson.write(d).encode()}, new OffsetDateTime[] {odt(at)},
        new String[] {provisional.isEmpty() ? null
            : provisional.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","))});
  }

  /** Whether an open ticket's running deadline counted provisionally on one of {@code years}. */
  public Future<Boolean> anyToRecount(SqlClient db, List<Integer> years) {
    return db.preparedQuery(ANY_TO_RECOUNT).execute(Tuple.of(years.toArray(Integer[]::new)))
        .map(rows -> rows.iterator().next().getBoolean(0));
  }

  /**
   * Locks up to {@code limit} such rows that no other transaction holds, and reads them.
   *
   * @param years the years that now have an official file
   */
  public Future<List<TicketDeadlines>> lockToRecount(SqlClient tx, List<Integer> years, int limit) {
    return DeferredRows.flushed(tx)
        .compose(v -> tx.preparedQuery(LOCK_TO_RECOUNT).execute(Tuple.of(years.toArray(Integer[]::new), limit)))
        .map(rows -> {
      List<TicketDeadlines> out = new ArrayList<>();
      rows.forEach(r -> out.add(TicketDeadlinesJson.read(r.getJsonObject("state"))));
      return out;
    });
  }

  /**
   * Open tickets past a running deadline as of {@code now}, most overdue first.
   *
   * @param departmentId null = every department
   * @param scope the caller's departments, or null for all
   */
  public Future<List<OverdueTicket>> overdue(SqlClient db, Instant now, String departmentId, List<String> scope,
      int limit, long offset) {
    return db.preparedQuery(OVERDUE).execute(Tuple.of(odt(now), departmentId, limit, offset,
        scope == null ? null : scope.toArray(String[]::new))).map(rows -> {
      List<OverdueTicket> out = new ArrayList<>();
      rows.forEach(r -> out.add(new OverdueTicket(r.getString("number"), r.getString("status"),
          r.getString("department_id"), r.getString("policy"), r.getOffsetDateTime("open_due_at").toInstant())));
      return out;
    });
  }

  private static OffsetDateTime odt(Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }
}
