package org.open12345.hotline.routing;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.ticket.TicketStatus;

/** Stores each ticket's routing decision next to it. */
final class RoutingRepository {

  /**
   * Stores the decision and appends its ROUTE event in one statement: every new ticket pays for
   * both, so one statement instead of two.
   */
  Future<Void> recordWithEvent(SqlClient tx, long ticketId, RoutingDecision d, String emergencyWord, Instant at,
      Actor actor, TicketStatus status, JsonObject eventDetails) {
    return tx.preparedQuery(
            "WITH r AS (INSERT INTO ticket_routing (ticket_id, kind, rule_id, ruleset_version, lead_department_id, "
                + "co_department_ids, policy_id, emergency_number, decided_at, emergency_word) "
                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $14) "
                + "ON CONFLICT (ticket_id) DO UPDATE SET kind = EXCLUDED.kind, rule_id = EXCLUDED.rule_id, "
                + "ruleset_version = EXCLUDED.ruleset_version, lead_department_id = EXCLUDED.lead_department_id, "
                + "co_department_ids = EXCLUDED.co_department_ids, policy_id = EXCLUDED.policy_id, "
                + "emergency_number = EXCLUDED.emergency_number, decided_at = EXCLUDED.decided_at, "
                + "emergency_word = EXCLUDED.emergency_word RETURNING ticket_id) "
                + "INSERT INTO ticket_events (ticket_id, at, actor, role, action, from_status, to_status, details) "
                + "SELECT ticket_id, $9, $10::text, $11::text, 'ROUTE', $12::text, $12::text, $13::jsonb FROM r")
        .execute(Tuple.from(new Object[] {
            ticketId, d.kind().name(), d.ruleId(), d.ruleSetVersion(), d.leadDepartmentId(),
            d.coDepartmentIds().toArray(new String[0]), d.policy() == null ? null : d.policy().id(),
            d.emergencyNumber(), at.atOffset(ZoneOffset.UTC), actor.id(), actor.role().name(),
            status == null ? null : status.name(), eventDetails == null ? new JsonObject() : eventDetails,
            emergencyWord}))
        .mapEmpty();
  }

  private static final String DECISIONS = """
      SELECT ticket_id, kind, rule_id, emergency_number, emergency_word FROM ticket_routing
      WHERE ticket_id = ANY($1)""";

  /** What routing decided for these tickets, by ticket id; tickets never routed are absent. */
  Future<Map<Long, QueueEntry.Decision>> decisionsOf(SqlClient db, Collection<Long> ticketIds) {
    return db.preparedQuery(DECISIONS).execute(Tuple.of((Object) ticketIds.toArray(Long[]::new))).map(rows -> {
      Map<Long, QueueEntry.Decision> out = new HashMap<>();
      rows.forEach(r -> out.put(r.getLong("ticket_id"), new QueueEntry.Decision(
          RoutingDecision.Kind.valueOf(r.getString("kind")), r.getString("rule_id"),
          r.getString("emergency_number"), r.getString("emergency_word"))));
      return out;
    });
  }
}
