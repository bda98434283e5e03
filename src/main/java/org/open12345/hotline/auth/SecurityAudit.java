package org.open12345.hotline.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

/**
 * Writes the security log. Implemented by identity; other features (a ticket's contact reveal)
 * record through this, inside their own transaction so the event and the change commit together.
 */
public interface SecurityAudit {
  Future<Void> record(SqlClient db, SecurityEvent event);
}
