package org.open12345.hotline.identity;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;

/** A machine's credential, as stored (the token itself is shown once, at creation, and never kept). */
record ApiToken(long id, String name, Role role, String departmentId, Instant createdAt, String createdBy,
    Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

  /** Ticket events and the security log name a token this way; user names cannot contain ':'. */
  static final String ACTOR_PREFIX = "token:";

  static ApiToken fromRow(Row r) {
    return new ApiToken(r.getLong("id"), r.getString("name"), Role.valueOf(r.getString("role")),
        r.getString("department_id"), User.instant(r.getOffsetDateTime("created_at")), r.getString("created_by"),
        User.instant(r.getOffsetDateTime("expires_at")), User.instant(r.getOffsetDateTime("last_used_at")),
        User.instant(r.getOffsetDateTime("revoked_at")));
  }

  Actor actor() {
    return new Actor(ACTOR_PREFIX + name, role, departmentId);
  }

  JsonObject toJson() {
    return new JsonObject().put("name", name).put("role", role.name()).put("department_id", departmentId)
        .put("created_at", createdAt.toString()).put("created_by", createdBy)
        .put("expires_at", text(expiresAt)).put("last_used_at", text(lastUsedAt)).put("revoked_at", text(revokedAt));
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }
}
