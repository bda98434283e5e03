package org.open12345.hotline.identity;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;

/** A staff account. The password hash never leaves this package. */
record User(long id, String name, Role role, String departmentId, String passwordHash, boolean mustChangePassword,
    Instant createdAt, Instant disabledAt) {

  static User fromRow(Row r) {
    return new User(r.getLong("id"), r.getString("name"), Role.valueOf(r.getString("role")),
        r.getString("department_id"), r.getString("password_hash"), r.getBoolean("must_change_password"),
        instant(r.getOffsetDateTime("created_at")), instant(r.getOffsetDateTime("disabled_at")));
  }

  static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  boolean disabled() {
    return disabledAt != null;
  }

  Actor actor() {
    return new Actor(name, role, departmentId);
  }

  JsonObject toJson() {
    return new JsonObject().put("name", name).put("role", role.name()).put("role_label", role.label())
        .put("department_id", departmentId).put("password_change_required", mustChangePassword)
        .put("created_at", createdAt.toString()).put("disabled_at", disabledAt == null ? null : disabledAt.toString());
  }
}
