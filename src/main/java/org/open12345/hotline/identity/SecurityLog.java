package org.open12345.hotline.identity;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.Clock;
import java.util.List;
import org.open12345.hotline.auth.SecurityAudit;
import org.open12345.hotline.auth.SecurityEvent;

/** The security log: written by identity and, through {@link SecurityAudit}, by other features. */
final class SecurityLog implements SecurityAudit {
  private final Pool pool;
  private final SecurityEventRepository events;
  private final Clock clock;

  SecurityLog(Pool pool, SecurityEventRepository events, Clock clock) {
    this.pool = pool;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public Future<Void> record(SqlClient db, SecurityEvent event) {
    return events.insert(db, clock.instant(), event);
  }

  Future<Void> record(SecurityEvent event) {
    return record(pool, event);
  }

  Future<List<JsonObject>> list(String kind, String subject, int page, int size) {
    return events.list(pool, kind, subject, page, size);
  }
}
