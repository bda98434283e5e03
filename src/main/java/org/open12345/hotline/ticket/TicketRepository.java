package org.open12345.hotline.ticket;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.db.BatchValues;
import org.open12345.hotline.db.DeferredRows;
import org.open12345.hotline.db.ValuePlans;

/** SQL for the tickets table. Writes take the caller's transaction connection. */
public final class TicketRepository {
  private final ZoneId zone;

  public TicketRepository(ZoneId zone) {
    this.zone = zone;
  }

  /**
   * Inserts a ticket in state RECEIVED and its CREATE event in one statement: every ticket of
   * every channel pays for this, and one round trip is cheaper than two. The ticket's number uses
   * the local date of {@code now}.
   */
  public Future<Ticket> insertWithCreateEvent(SqlClient tx, NewTicket t, Instant now, Actor actor,
      JsonObject eventDetails) {
    String dayPrefix = TicketNumber.dayPrefix(now.atZone(zone).toLocalDate());
    if (DeferredRows.inBatch(tx)) {
      return insertAtBatchEnd(tx, t, dayPrefix, now, actor, eventDetails);
    }
    return tx.preparedQuery(
            "WITH t AS (INSERT INTO tickets (number, channel, citizen_phone, citizen_name, request_type, urgency, "
                + "category_code, location_text, latitude, longitude, area_code, description, status, hotline_number, "
                + "call_id, created_at, updated_at, confidential) VALUES ($1 || lpad(nextval('ticket_serial')::text, "
                + TicketNumber.SERIAL_DIGITS + ", '0'), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, "
                + "$15, $16, $16, $21) RETURNING " + Ticket.COLUMNS + "), "
                + "e AS (" + TicketEventRepository.INSERT_INTO + " "
                + "SELECT id, $16::timestamptz, $17::text, $18::text, $19::text, NULL, status, $20::jsonb FROM t) "
                + "SELECT " + Ticket.COLUMNS + " FROM t")
        .execute(Tuple.from(new Object[] {
            dayPrefix, t.channel().name(), t.citizenPhone(), t.citizenName(), t.requestType().name(),
            t.urgency().name(), t.categoryCode(), t.locationText(), t.latitude(), t.longitude(), t.areaCode(),
            t.description(), TicketStatus.RECEIVED.name(), t.hotlineNumber(), t.callId(), now.atOffset(ZoneOffset.UTC),
            actor.id(), actor.role().name(), TicketAction.CREATE.name(),
            eventDetails == null ? new JsonObject() : eventDetails, t.confidential()}))
        .map(rows -> Ticket.from(rows.iterator().next()));
  }

  /** A batch's ids and serials, drawn for all its tickets in one statement. */
  private static final String NEXT_IDS =
      "SELECT nextval('tickets_id_seq'), nextval('ticket_serial') FROM generate_series(1, $1)";

  /** A batch's new tickets, one statement for all (columns as {@link #newRow} lays them out). */
  private static final String INSERT_MANY = """
      INSERT INTO tickets (id, number, channel, citizen_phone, citizen_name, request_type, urgency, category_code,
                           location_text, latitude, longitude, area_code, description, department_id, status,
                           hotline_number, call_id, created_at, updated_at, confidential)
      SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                           $8::text[], $9::text[], $10::float8[], $11::float8[], $12::text[], $13::text[],
                           $14::text[], $15::text[], $16::text[], $17::text[], $18::timestamptz[],
                           $19::timestamptz[], $20::boolean[])""";

  // Positions in newRow's columns of what the creation's own changes (dispatch, urgency) set.
  private static final int URGENCY = 6;
  private static final int DEPARTMENT = 13;
  private static final int STATUS = 14;
  private static final int UPDATED_AT = 18;

  /**
   * In a group-commit batch: the ticket's id and serial come from the batch's block, the row is
   * built here and waits, with its CREATE event, for the batch's multi-row INSERTs. Until then the
   * creation's own changes (the dispatch routing does at once, a raised urgency) change the waiting
   * row instead of updating a stored one: a routed ticket is inserted already dispatched.
   */
  private Future<Ticket> insertAtBatchEnd(SqlClient tx, NewTicket t, String dayPrefix, Instant at, Actor actor,
      JsonObject eventDetails) {
    // What PostgreSQL keeps of a timestamp, so the ticket returned is the ticket stored.
    Instant now = at.truncatedTo(ChronoUnit.MICROS);
    return BatchValues.next(tx, NEXT_IDS).compose(ids -> {
      long id = ids.getLong(0);
      String number = dayPrefix + String.format("%0" + TicketNumber.SERIAL_DIGITS + "d", ids.getLong(1));
      Object[] row = newRow(id, number, t, now);
      Future<Void> stored = DeferredRows.writeKept(tx, INSERT_MANY, waitingKey(id), row);
      Future<Void> logged = TicketEventRepository.append(tx, id, now, actor, TicketAction.CREATE.name(), null,
          TicketStatus.RECEIVED, eventDetails);
      return Future.all(stored, logged).map(v -> fromRow(row));
    });
  }

  private static Object[] newRow(long id, String number, NewTicket t, Instant now) {
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
    return new Object[] {
        new Long[] {id}, new String[] {number}, new String[] {t.channel().name()}, new String[] {t.citizenPhone()},
        new String[] {t.citizenName()}, new String[] {t.requestType().name()}, new String[] {t.urgency().name()},
        new String[] {t.categoryCode()}, new String[] {t.locationText()}, new Double[] {t.latitude()},
        new Double[] {t.longitude()}, new String[] {t.areaCode()}, new String[] {t.description()},
        new String[] {null}, new String[] {TicketStatus.RECEIVED.name()}, new String[] {t.hotlineNumber()},
        new String[] {t.callId()}, new OffsetDateTime[] {at}, new OffsetDateTime[] {at},
        new Boolean[] {t.confidential()}};
  }

  /** The ticket a waiting row describes (a new ticket: never reopened). */
  private static Ticket fromRow(Object[] row) {
    return new Ticket(((Long[]) row[0])[0], text(row, 1), Channel.valueOf(text(row, 2)), text(row, 3), text(row, 4),
        RequestType.valueOf(text(row, 5)), Urgency.valueOf(text(row, URGENCY)), text(row, 7), text(row, 8),
        ((Double[]) row[9])[0], ((Double[]) row[10])[0], text(row, 11), text(row, 12), text(row, DEPARTMENT),
        TicketStatus.valueOf(text(row, STATUS)), text(row, 15), text(row, 16),
        ((OffsetDateTime[]) row[17])[0].toInstant(), ((OffsetDateTime[]) row[UPDATED_AT])[0].toInstant(), 0,
        ((Boolean[]) row[19])[0]);
  }

  private static String text(Object[] row, int column) {
    return ((String[]) row[column])[0];
  }

  private static Object waitingKey(long id) {
    return "tickets:" + id;
  }

  public Future<Optional<Ticket>> findByNumber(SqlClient db, String number) {
    return findByNumber(db, number, null);
  }

  /**
   * @param scope the departments whose tickets the caller may see, or null for all: a ticket of
   *     another department is not found, exactly like one that does not exist
   */
  public Future<Optional<Ticket>> findByNumber(SqlClient db, String number, List<String> scope) {
    return DeferredRows.flushed(db).compose(v -> db.preparedQuery(BY_NUMBER + IN_SCOPE)
        .execute(Tuple.from(new Object[] {number, scopeArray(scope)}))
        .map(TicketRepository::first));
  }

  private static final String BY_NUMBER = "SELECT " + Ticket.COLUMNS + " FROM tickets WHERE number = $1";

  /** Restricts to the caller's departments when {@code $2} (a text[]) is not null. */
  private static final String IN_SCOPE = " AND ($2::text[] IS NULL OR department_id = ANY($2))";

  static String[] scopeArray(List<String> scope) {
    return scope == null ? null : scope.toArray(String[]::new);
  }

  /** Locks the row until the transaction ends, so two changes to one ticket run one after the other. */
  public Future<Optional<Ticket>> lockByNumber(SqlClient tx, String number) {
    return lockByNumber(tx, number, null);
  }

  /** {@link #lockByNumber(SqlClient, String)} within the caller's scope (null: all departments). */
  public Future<Optional<Ticket>> lockByNumber(SqlClient tx, String number, List<String> scope) {
    return DeferredRows.flushed(tx).compose(v -> tx.preparedQuery(BY_NUMBER + IN_SCOPE + " FOR UPDATE")
        .execute(Tuple.from(new Object[] {number, scopeArray(scope)}))
        .map(TicketRepository::first));
  }

  /**
   * Changes status and department and appends the action's event in one statement (the event
   * rows of the system's dispatch on creation are the hottest write after the ticket itself).
   */
  public Future<Ticket> updateStatusWithEvent(SqlClient tx, long id, TicketStatus from, TicketStatus status,
      String departmentId, Instant now, Actor actor, String action, JsonObject eventDetails) {
    if (TicketEventRepository.appendsDeferred(tx)) {
      return updateStatusInBatch(tx, id, from, status, departmentId, now, actor, action, eventDetails);
    }
    return tx.preparedQuery(
            "WITH u AS (UPDATE tickets SET status = $2, department_id = $3, updated_at = $4, "
                + "reopen_count = reopen_count + CASE WHEN $7::text = 'REOPEN' THEN 1 ELSE 0 END WHERE id = $1 RETURNING "
                + Ticket.COLUMNS + "), "
                + "e AS (" + TicketEventRepository.INSERT_INTO + " "
                + "SELECT id, $4::timestamptz, $5::text, $6::text, $7::text, $8::text, $2::text, $9::jsonb FROM u) "
                + "SELECT " + Ticket.COLUMNS + " FROM u")
        .execute(Tuple.from(new Object[] {
            id, status.name(), departmentId, now.atOffset(ZoneOffset.UTC), actor.id(), actor.role().name(), action,
            from == null ? null : from.name(), eventDetails == null ? new JsonObject() : eventDetails}))
        .map(rows -> Ticket.from(rows.iterator().next()));
  }

  /**
   * In a group-commit batch, where every event waits for the batch's end (so a ticket's log keeps
   * its order): a ticket this batch creates changes its waiting row; another is updated at once.
   */
  private Future<Ticket> updateStatusInBatch(SqlClient tx, long id, TicketStatus from, TicketStatus status,
      String departmentId, Instant now, Actor actor, String action, JsonObject eventDetails) {
    Future<Void> logged = TicketEventRepository.append(tx, id, now, actor, action, from, status, eventDetails);
    Object[] waiting = DeferredRows.kept(tx, waitingKey(id));
    if (waiting != null && !TicketAction.REOPEN.name().equals(action)) {
      ((String[]) waiting[STATUS])[0] = status.name();
      ((String[]) waiting[DEPARTMENT])[0] = departmentId;
      ((OffsetDateTime[]) waiting[UPDATED_AT])[0] = now.atOffset(ZoneOffset.UTC);
      return logged.map(v -> fromRow(waiting));
    }
    Future<Ticket> updated = DeferredRows.flushed(tx).compose(v -> tx.preparedQuery(UPDATE_STATUS)
        .execute(Tuple.from(new Object[] {id, status.name(), departmentId, now.atOffset(ZoneOffset.UTC), action}))
        .map(rows -> Ticket.from(rows.iterator().next())));
    return Future.all(logged, updated).map(v -> updated.result());
  }

  private static final String UPDATE_STATUS = "UPDATE tickets SET status = $2, department_id = $3, updated_at = $4, "
      + "reopen_count = reopen_count + CASE WHEN $5::text = 'REOPEN' THEN 1 ELSE 0 END WHERE id = $1 RETURNING "
      + Ticket.COLUMNS;

  public Future<Ticket> updateUrgency(SqlClient tx, long id, Urgency urgency, Instant now) {
    Object[] waiting = DeferredRows.kept(tx, waitingKey(id));
    if (waiting != null) {
      ((String[]) waiting[URGENCY])[0] = urgency.name();
      ((OffsetDateTime[]) waiting[UPDATED_AT])[0] = now.atOffset(ZoneOffset.UTC);
      return Future.succeededFuture(fromRow(waiting));
    }
    return tx.preparedQuery("UPDATE tickets SET urgency = $2, updated_at = $3 WHERE id = $1 RETURNING " + Ticket.COLUMNS)
        .execute(Tuple.of(id, urgency.name(), now.atOffset(ZoneOffset.UTC)))
        .map(rows -> Ticket.from(rows.iterator().next()));
  }

  /** The manual dispatch queue: the most urgent first, then the oldest (it waits longest). */
  private static final String QUEUE = "SELECT " + Ticket.COLUMNS + " FROM tickets\n" + """
      WHERE status = 'RECEIVED'
      ORDER BY CASE urgency WHEN 'CRITICAL' THEN 0 WHEN 'URGENT' THEN 1 ELSE 2 END, created_at, id
      LIMIT $1 OFFSET $2""";

  public Future<List<Ticket>> queue(SqlClient db, int limit, long offset) {
    return db.preparedQuery(QUEUE).execute(Tuple.of(limit, offset)).map(TicketRepository::all);
  }

  /**
   * Planned for its values at every call: a generic plan of the desks' queue (one state, the
   * viewer's departments, newest first) walks tickets_created and filters, and reads every ticket
   * for a state the department has none in (20 s with 5 M tickets, bench/README.md "Console").
   */
  public Future<List<Ticket>> list(SqlClient db, TicketQuery q) {
    // Fixed fragments with positional parameters: nothing from the request enters the SQL text.
    StringBuilder sql = new StringBuilder(ValuePlans.perCall("SELECT " + Ticket.COLUMNS + " FROM tickets WHERE true"));
    List<Object> args = new ArrayList<>();
    if (q.status() != null) {
      args.add(q.status().name());
      sql.append(" AND status = $").append(args.size());
    }
    if (q.departmentId() != null) {
      args.add(q.departmentId());
      sql.append(" AND department_id = $").append(args.size());
    }
    if (q.scope() != null && q.scope().size() == 1) {
      // One department (every department desk): an equality lets tickets_desk_queue hand the rows
      // over newest first, so the scan stops after a page; with ANY PostgreSQL 15 reads all of the
      // department's tickets in that state and sorts them (1,519 rows, 290 ms cold, for SIGNED).
      args.add(q.scope().get(0));
      sql.append(" AND department_id = $").append(args.size());
    } else if (q.scope() != null) {
      args.add(scopeArray(q.scope()));
      sql.append(" AND department_id = ANY($").append(args.size()).append(')');
    }
    if (q.phone() != null) {
      args.add(q.phone());
      sql.append(" AND citizen_phone = $").append(args.size());
      if (q.scope() != null) {
        // A department reads confidential contacts masked: it must not find them by the phone either.
        sql.append(" AND NOT confidential");
      }
    }
    if (q.createdFrom() != null) {
      args.add(q.createdFrom().atOffset(ZoneOffset.UTC));
      sql.append(" AND created_at >= $").append(args.size());
    }
    if (q.createdTo() != null) {
      args.add(q.createdTo().atOffset(ZoneOffset.UTC));
      sql.append(" AND created_at < $").append(args.size());
    }
    args.add(q.size());
    sql.append(" ORDER BY created_at DESC, id DESC LIMIT $").append(args.size());
    args.add((long) q.page() * q.size());
    sql.append(" OFFSET $").append(args.size());
    return db.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(TicketRepository::all);
  }

  // Reads that other features ask for through TicketService.

  private static final String BY_IDS = "SELECT " + Ticket.COLUMNS + " FROM tickets WHERE id = ANY($1)";
  private static final String BY_CALL_IDS = "SELECT " + Ticket.COLUMNS + " FROM tickets\n" + """
      WHERE call_id = ANY($1)
      ORDER BY id""";
  // Planned per call (ValuePlans): a generic plan can use no index of an optional filter.
  private static final String OF_CHANNEL = ValuePlans.perCall("SELECT " + Ticket.COLUMNS + " FROM tickets\n" + """
      WHERE channel = $1
        AND ($2::text[] IS NULL OR number = ANY($2))
        AND ($3::timestamptz IS NULL OR created_at >= $3)
        AND ($4::timestamptz IS NULL OR created_at <= $4)
        AND ($5::text[] IS NULL OR category_code = ANY($5))
        AND ($6::text[] IS NULL OR status = ANY($6))
      ORDER BY created_at DESC, id DESC
      LIMIT $7""");

  /**
   * Newest first: tickets whose department is final (dispatched and kept, after any returns and
   * re-dispatches), with their category when they have one. Merged and stopped tickets, direct
   * answers, the queue and tickets returned and waiting for the centre say nothing reliable about
   * where a text belongs. Below an id, so a reader can page through the history (keyset: each
   * page is a short backward scan of the primary key from where the last one ended).
   */
  private static final String LABELLED = """
      SELECT id, description, category_code, department_id, created_at FROM tickets
      WHERE department_id IS NOT NULL
        AND status IN ('DISPATCHED', 'SIGNED', 'REPLIED', 'CLOSED', 'REOPENED')
        AND id < $1
      ORDER BY id DESC
      LIMIT $2""";

  public Future<List<LabelledText>> labelledTexts(SqlClient db, int max) {
    return labelledTexts(db, Long.MAX_VALUE, max);
  }

  /** The newest {@code max} labelled tickets with an id below {@code beforeId}, newest first. */
  public Future<List<LabelledText>> labelledTexts(SqlClient db, long beforeId, int max) {
    return db.preparedQuery(LABELLED).execute(Tuple.of(beforeId, max)).map(rows -> {
      List<LabelledText> out = new ArrayList<>(rows.size());
      rows.forEach(r -> out.add(new LabelledText(r.getLong(0), r.getString(1), r.getString(2), r.getString(3),
          r.getOffsetDateTime(4).toInstant())));
      return out;
    });
  }

  public Future<List<Ticket>> findByIds(SqlClient db, Collection<Long> ids) {
    return DeferredRows.flushed(db).compose(v -> db.preparedQuery(BY_IDS)
        .execute(Tuple.of((Object) ids.toArray(Long[]::new))).map(TicketRepository::all));
  }

  /** Tickets recorded during these calls (their {@code call_id}), oldest first. */
  public Future<List<Ticket>> findByCallIds(SqlClient db, Collection<String> callIds) {
    // A batch's tickets wait for its end: the recordings of one call in one batch must see each other's.
    return DeferredRows.flushed(db).compose(v -> db.preparedQuery(BY_CALL_IDS)
        .execute(Tuple.of((Object) callIds.toArray(String[]::new))).map(TicketRepository::all));
  }

  public Future<List<Ticket>> list(SqlClient db, ChannelTicketQuery q) {
    return db.preparedQuery(OF_CHANNEL)
        .execute(Tuple.from(new Object[] {
            q.channel().name(), array(q.numbers()), utc(q.createdFrom()), utc(q.createdTo()),
            array(q.categoryCodes()),
            q.statuses() == null ? null : q.statuses().stream().map(Enum::name).toArray(String[]::new),
            q.limit()}))
        .map(TicketRepository::all);
  }

  private static String[] array(List<String> values) {
    return values == null ? null : values.toArray(String[]::new);
  }

  private static java.time.OffsetDateTime utc(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }

  private static Optional<Ticket> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(Ticket.from(it.next())) : Optional.empty();
  }

  private static List<Ticket> all(RowSet<Row> rows) {
    List<Ticket> out = new ArrayList<>();
    rows.forEach(r -> out.add(Ticket.from(r)));
    return out;
  }
}
