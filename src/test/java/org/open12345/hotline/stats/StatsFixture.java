package org.open12345.hotline.stats;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.open12345.hotline.db.DatabaseUrl;

/**
 * Writes the rows the figures are counted from, with exact timestamps, straight into a test
 * database: tickets, their events, their current deadlines (as DeadlineStore stores them:
 * columns plus the state JSON with met marks), ratings and 差评 follow-up cases. Times are ISO instants (UTC).
 */
public final class StatsFixture {
  private final DatabaseUrl db;

  public StatsFixture(DatabaseUrl db) {
    this.db = db;
  }

  public long ticket(String number, String createdAt, String status, String department, String category) {
    return insert("""
        INSERT INTO tickets (number, channel, citizen_phone, request_type, urgency, category_code, description,
                             department_id, status, created_at, updated_at)
        VALUES (?, 'PHONE', '13800000000', 'COMPLAINT', 'NORMAL', ?, '统计测试', ?, ?, ?, ?) RETURNING id""",
        number, category, department, status, at(createdAt), at(createdAt));
  }

  /** A DISPATCH event naming the department, as TicketService writes it. */
  void dispatch(long ticket, String at, String department) {
    event(ticket, at, "DISPATCH", new JsonObject().put("department_id", department));
  }

  void event(long ticket, String at, String action, JsonObject details) {
    insert("""
        INSERT INTO ticket_events (ticket_id, at, actor, role, action, details)
        VALUES (?, ?, 'fixture', 'SYSTEM', ?, ?::jsonb) RETURNING id""", ticket, at(at), action, details.encode());
  }

  /**
   * The current round's deadlines as DeadlineStore saves them: each due time with its met mark
   * (null = not met yet), the state JSON beside the columns, and {@code open_due_at} = the
   * earliest deadline still running (null once the row is closed).
   *
   * @param pausedAt the clock's pause, or null while running
   * @param closedAt when the ticket left the department (returned, merged, stopped, closed), or
   *     null while it is the department's; the row's last write
   */
  void deadlines(long ticket, String department, String dispatchedAt, String signBy, String signMet, String respondBy,
      String respondMet, String resolveBy, String resolveMet, String pausedAt, String closedAt) {
    JsonObject state = new JsonObject().put("dispatched_at", dispatchedAt).put("paused_at", pausedAt)
        .put("deadlines", new JsonObject()
            .put("SIGN", new JsonObject().put("due_at", signBy).put("met_at", signMet))
            .put("RESPOND", new JsonObject().put("due_at", respondBy).put("met_at", respondMet))
            .put("RESOLVE", new JsonObject().put("due_at", resolveBy).put("met_at", resolveMet)));
    String openDue = null;
    if (closedAt == null) {
      String[][] due = {{signBy, signMet}, {respondBy, respondMet}, {resolveBy, resolveMet}};
      for (String[] d : due) {
        boolean frozen = pausedAt != null && Instant.parse(d[0]).isAfter(Instant.parse(pausedAt));
        if (d[1] == null && !frozen && (openDue == null || Instant.parse(d[0]).isBefore(Instant.parse(openDue)))) {
          openDue = d[0];
        }
      }
    }
    insert("""
        INSERT INTO ticket_deadlines (ticket_id, policy, department_id, sign_by, respond_by, resolve_by, open_due_at,
                                      paused_at, state, updated_at)
        VALUES (?, 'ordinary', ?, ?, ?, ?, ?, ?, ?::jsonb, ?) RETURNING ticket_id""",
        ticket, department, at(signBy), at(respondBy), at(resolveBy), at(openDue), at(pausedAt), state.encode(),
        at(closedAt != null ? closedAt : pausedAt != null ? pausedAt : dispatchedAt));
  }

  /** A rating; {@code status} counted, duplicate or late. {@code ticket} null = a call's rating. */
  public long rating(Long ticket, String level, String createdAt, String status) {
    boolean bad = level.equals("DISSATISFIED") || level.equals("VERY_DISSATISFIED");
    return insert("""
        INSERT INTO ratings (ticket_id, level, source, status, bad, follow_up_required, created_at)
        VALUES (?, ?, 'sms', ?, ?, ?, ?) RETURNING id""",
        ticket, level, status, bad, bad && status.equals("counted"), at(createdAt));
  }

  /** What the evaluation feature does when a supervisor upholds an appeal (申诉复核). */
  void exclude(long rating, String at, String reason) {
    insert("UPDATE ratings SET excluded_at = ?, excluded_reason = ? WHERE id = ? RETURNING id", at(at), reason, rating);
  }

  /**
   * A 差评 follow-up case (差评核实整改) as the evaluation feature stores it; its deadlines JSON is
   * left empty (the figures read the columns). {@code department} is the case's own column, which
   * the figure does not use (it counts the ticket's current department).
   *
   * @param closeReason CONCLUDED or APPEAL_UPHELD when {@code status} is CLOSED, else null
   */
  void ratingCase(long ticket, String department, String status, String openedAt, String callbackDue, String fixDue,
      String calledBack, String fixed, String explained, String closedAt, String closeReason) {
    insert("""
        INSERT INTO rating_cases (ticket_id, department_id, status, callback_by, opened_at, callback_due_at,
                                  fix_due_at, deadlines, called_back_at, fixed_at, explained_at, closed_at,
                                  close_reason)
        VALUES (?, ?, ?, 'CENTRE', ?, ?, ?, '{}'::jsonb, ?, ?, ?, ?, ?) RETURNING id""",
        ticket, department, status, at(openedAt), at(callbackDue), at(fixDue), at(calledBack), at(fixed),
        at(explained), at(closedAt), closeReason);
  }

  private static OffsetDateTime at(String iso) {
    return iso == null ? null : Instant.parse(iso).atOffset(ZoneOffset.UTC);
  }

  private long insert(String sql, Object... args) {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        st.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (Exception e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
