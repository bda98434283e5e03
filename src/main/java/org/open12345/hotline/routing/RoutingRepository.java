package org.open12345.hotline.routing;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.db.DeferredRows;
import org.open12345.hotline.ticket.TicketEventRepository;
import org.open12345.hotline.ticket.TicketStatus;

/** Stores each ticket's routing decision next to it. */
final class RoutingRepository {

  /**
   * Stores the decision and appends its ROUTE event in one statement: every new ticket pays for
   * both, so one statement instead of two.
   */
  Future<Void> recordWithEvent(SqlClient tx, long ticketId, RoutingDecision d, String emergencyWord, Instant at,
      Actor actor, TicketStatus status, JsonObject eventDetails) {
    if (TicketEventRepository.appendsDeferred(tx)) {
      return recordAtBatchEnd(tx, ticketId, d, emergencyWord, at, actor, status, eventDetails);
    }
    return tx.preparedQuery(
            "WITH r AS (INSERT INTO ticket_routing (ticket_id, kind, rule_id, ruleset_version, lead_department_id, "
                + "co_department_ids, policy_id, emergency_number, decided_at, emergency_word, suggestions) "
                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $14, $15) "
                + "ON CONFLICT (ticket_id) DO UPDATE SET kind = EXCLUDED.kind, rule_id = EXCLUDED.rule_id, "
                + "ruleset_version = EXCLUDED.ruleset_version, lead_department_id = EXCLUDED.lead_department_id, "
                + "co_department_ids = EXCLUDED.co_department_ids, policy_id = EXCLUDED.policy_id, "
                + "emergency_number = EXCLUDED.emergency_number, decided_at = EXCLUDED.decided_at, "
                + "emergency_word = EXCLUDED.emergency_word, suggestions = EXCLUDED.suggestions RETURNING ticket_id) "
                + "INSERT INTO ticket_events (ticket_id, at, actor, role, action, from_status, to_status, details) "
                + "SELECT ticket_id, $9, $10::text, $11::text, 'ROUTE', $12::text, $12::text, $13::jsonb FROM r")
        .execute(Tuple.from(new Object[] {
            ticketId, d.kind().name(), d.ruleId(), d.ruleSetVersion(), d.leadDepartmentId(),
            d.coDepartmentIds().toArray(new String[0]), d.policy() == null ? null : d.policy().id(),
            d.emergencyNumber(), at.atOffset(ZoneOffset.UTC), actor.id(), actor.role().name(),
            status == null ? null : status.name(), eventDetails == null ? new JsonObject() : eventDetails,
            emergencyWord, StoredSuggestions.ofQueued(d)}))
        .mapEmpty();
  }

  /**
   * A batch's decisions, one statement for all. Only new tickets are routed in a batch, so there
   * is nothing to replace; the co-departments come as one JSON array text per row (unnest cannot
   * take an array of arrays of different lengths).
   */
  private static final String RECORD_MANY = """
      INSERT INTO ticket_routing (ticket_id, kind, rule_id, ruleset_version, lead_department_id, co_department_ids,
                                  policy_id, emergency_number, decided_at, emergency_word, suggestions)
      SELECT ticket_id, kind, rule_id, ruleset_version, lead, ARRAY(SELECT jsonb_array_elements_text(co::jsonb)),
             policy_id, emergency_number, decided_at, emergency_word, suggestions::jsonb
        FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                    $9::timestamptz[], $10::text[], $11::text[])
          AS r(ticket_id, kind, rule_id, ruleset_version, lead, co, policy_id, emergency_number, decided_at,
               emergency_word, suggestions)""";

  /** In a group-commit batch: the decision and its ROUTE event wait for the batch's multi-row writes. */
  private static Future<Void> recordAtBatchEnd(SqlClient tx, long ticketId, RoutingDecision d, String emergencyWord,
      Instant at, Actor actor, TicketStatus status, JsonObject eventDetails) {
    JsonArray suggestions = StoredSuggestions.ofQueued(d);
    Future<Void> stored = DeferredRows.write(tx, RECORD_MANY, new Long[] {ticketId}, new String[] {d.kind().name()},
        new String[] {d.ruleId()}, new String[] {d.ruleSetVersion()}, new String[] {d.leadDepartmentId()},
        new String[] {new JsonArray(d.coDepartmentIds()).encode()},
        new String[] {d.policy() == null ? null : d.policy().id()}, new String[] {d.emergencyNumber()},
        new OffsetDateTime[] {at.atOffset(ZoneOffset.UTC)}, new String[] {emergencyWord},
        new String[] {suggestions == null ? null : suggestions.encode()});
    Future<Void> logged = TicketEventRepository.append(tx, ticketId, at, actor, "ROUTE", status, status,
        eventDetails);
    return Future.all(stored, logged).mapEmpty();
  }

  private static final String DECISIONS = """
      SELECT ticket_id, kind, rule_id, emergency_number, emergency_word, suggestions FROM ticket_routing
      WHERE ticket_id = ANY($1)""";

  /** What routing decided for these tickets, by ticket id; tickets never routed are absent. */
  Future<Map<Long, QueueEntry.Decision>> decisionsOf(SqlClient db, Collection<Long> ticketIds) {
    return db.preparedQuery(DECISIONS).execute(Tuple.of((Object) ticketIds.toArray(Long[]::new))).map(rows -> {
      Map<Long, QueueEntry.Decision> out = new HashMap<>();
      rows.forEach(r -> out.put(r.getLong("ticket_id"), new QueueEntry.Decision(
          RoutingDecision.Kind.valueOf(r.getString("kind")), r.getString("rule_id"),
          r.getString("emergency_number"), r.getString("emergency_word"),
          StoredSuggestions.fromJson((io.vertx.core.json.JsonArray) r.getJson("suggestions")))));
      return out;
    });
  }

  private static final String SUGGESTIONS = "SELECT suggestions FROM ticket_routing WHERE ticket_id = $1";

  /** The suggestions stored with a queued ticket, best first; empty when it has none. */
  Future<java.util.List<TextReading.Suggestion>> suggestionsOf(SqlClient db, long ticketId) {
    return db.preparedQuery(SUGGESTIONS).execute(Tuple.of(ticketId)).map(rows -> rows.size() == 0
        ? java.util.List.of()
        : StoredSuggestions.fromJson((io.vertx.core.json.JsonArray) rows.iterator().next().getJson(0)));
  }

  private static final String CHOOSE = """
      INSERT INTO routing_choices (ticket_id, category_code, department_id, chosen_by, chosen_at)
      VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (ticket_id) DO UPDATE SET category_code = EXCLUDED.category_code,
        department_id = EXCLUDED.department_id, chosen_by = EXCLUDED.chosen_by, chosen_at = EXCLUDED.chosen_at""";

  /** Keeps a dispatcher's choice for a ticket (the newest replaces the older). */
  Future<Void> choose(SqlClient tx, long ticketId, String categoryCode, String departmentId, String by, Instant at) {
    return tx.preparedQuery(CHOOSE).execute(Tuple.of(ticketId, categoryCode, departmentId, by, at.atOffset(ZoneOffset.UTC)))
        .mapEmpty();
  }

  /** A dispatcher's choice as the trainer reads it. */
  record Choice(String categoryCode, String departmentId) {}

  private static final String CHOICES = "SELECT ticket_id, category_code, department_id FROM routing_choices";
  private static final String CHOICES_OF = """
      SELECT ticket_id, category_code, department_id FROM routing_choices WHERE ticket_id = ANY($1)""";

  /** Every kept choice by ticket id (one short row per ticket a dispatcher chose for). */
  Future<Map<Long, Choice>> choices(SqlClient db) {
    return db.query(CHOICES).execute().map(rows -> {
      Map<Long, Choice> out = new HashMap<>();
      rows.forEach(r -> out.put(r.getLong(0), new Choice(r.getString(1), r.getString(2))));
      return out;
    });
  }

  /** The kept choices of these tickets (one page of the trainer's reading), by ticket id. */
  Future<Map<Long, Choice>> choices(SqlClient db, Long[] ticketIds) {
    return db.preparedQuery(CHOICES_OF).execute(Tuple.of((Object) ticketIds)).map(rows -> {
      Map<Long, Choice> out = new HashMap<>();
      rows.forEach(r -> out.put(r.getLong(0), new Choice(r.getString(1), r.getString(2))));
      return out;
    });
  }
}
