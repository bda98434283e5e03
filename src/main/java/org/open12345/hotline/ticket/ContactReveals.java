package org.open12345.hotline.ticket;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.SecurityAudit;
import org.open12345.hotline.auth.SecurityEvent;
import org.open12345.hotline.problem.InvalidField;

/**
 * A department asks to see a confidential ticket's contacts (保密): it must say why, and the
 * answer is evidence in two places, committed together: a {@value #ACTION} event in the ticket's
 * log (who, when, why) and a {@code reveal} line in the security log.
 */
public final class ContactReveals {
  static final String ACTION = "REVEAL_CONTACT";
  private final Pool pool;
  private final TicketRepository tickets;
  private final Clock clock;
  private volatile SecurityAudit audit;

  ContactReveals(Pool pool, TicketRepository tickets, Clock clock) {
    this.pool = pool;
    this.tickets = tickets;
    this.clock = clock;
  }

  /** The security log; wired once at start (identity is built after tickets). */
  void auditedBy(SecurityAudit audit) {
    this.audit = audit;
  }

  /** The citizen's phone and name, for a ticket within the actor's scope. */
  public Future<JsonObject> reveal(String number, Actor actor, String reason, String address) {
    if (reason == null || reason.isBlank()) {
      return Future.failedFuture(new InvalidField("reason", "is required: why the citizen's contacts are needed"));
    }
    SecurityAudit log = audit;
    if (log == null) {
      return Future.failedFuture(new IllegalStateException("no security log wired"));
    }
    Instant now = clock.instant();
    return pool.withTransaction(tx -> tickets.findByNumber(tx, number, actor.scope()).compose(found -> {
      Ticket t = found.orElseThrow(() -> new TicketNotFound(number));
      JsonObject details = new JsonObject().put("reason", reason.trim());
      return TicketEventRepository.append(tx, t.id(), now, actor, ACTION, t.status(), t.status(), details)
          .compose(v -> log.record(tx, new SecurityEvent("reveal", actor, t.number(), address,
              Map.of("reason", reason.trim(), "confidential", t.confidential()))))
          .map(v -> new JsonObject().put("number", t.number()).put("citizen_phone", t.citizenPhone())
              .put("citizen_name", t.citizenName()).put("confidential", t.confidential()));
    }));
  }
}
