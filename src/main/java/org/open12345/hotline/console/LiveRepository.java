package org.open12345.hotline.console;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.open12345.hotline.db.DeferredRows;

/** SQL for the console's live feed: a NOTIFY that PostgreSQL delivers when the change commits. */
final class LiveRepository {
  /** Every server instance LISTENs here, so a change made through one reaches screens on all. */
  static final String CHANNEL = "console_tickets";
  /** Call events that pop a caller on an operator's screen. */
  static final String CALLS = "console_calls";
  /** The desks' other lists changed (a trigger of migration V85 names the table). */
  static final String DESK = "console_desk";

  /** One row per payload: a group-commit batch tells the screens of all its tickets in one statement. */
  private static final String NOTIFY = "SELECT pg_notify('console_tickets', p) FROM unnest($1::text[]) AS p";
  private static final String NOTIFY_CALL = "SELECT pg_notify('console_calls', $1)";

  /**
   * Sent at commit only (NOTIFY is transactional): a rolled-back change tells no screen. Within a
   * group-commit batch the payloads wait for the batch's end ({@link DeferredRows}); the screens
   * hear them at the same moment either way, the commit.
   */
  Future<Void> notify(SqlConnection tx, String payload) {
    return DeferredRows.write(tx, NOTIFY, (Object) new String[] {payload});
  }

  Future<Void> notifyCall(SqlConnection tx, String payload) {
    return tx.preparedQuery(NOTIFY_CALL).execute(Tuple.of(payload)).mapEmpty();
  }
}
