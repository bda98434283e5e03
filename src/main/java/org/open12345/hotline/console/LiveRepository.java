package org.open12345.hotline.console;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/** SQL for the console's live feed: a NOTIFY that PostgreSQL delivers when the change commits. */
final class LiveRepository {
  /** Every server instance LISTENs here, so a change made through one reaches screens on all. */
  static final String CHANNEL = "console_tickets";
  /** Call events that pop a caller on an operator's screen. */
  static final String CALLS = "console_calls";
  /** The desks' other lists changed (a trigger of migration V85 names the table). */
  static final String DESK = "console_desk";

  private static final String NOTIFY = "SELECT pg_notify('console_tickets', $1)";
  private static final String NOTIFY_CALL = "SELECT pg_notify('console_calls', $1)";

  /** Sent at commit only (NOTIFY is transactional): a rolled-back change tells no screen. */
  Future<Void> notify(SqlConnection tx, String payload) {
    return tx.preparedQuery(NOTIFY).execute(Tuple.of(payload)).mapEmpty();
  }

  Future<Void> notifyCall(SqlConnection tx, String payload) {
    return tx.preparedQuery(NOTIFY_CALL).execute(Tuple.of(payload)).mapEmpty();
  }
}
