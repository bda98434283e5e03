package org.open12345.hotline.deadline;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;

/**
 * Told, in the changing transaction, whenever the deadlines of a case about a ticket are set,
 * met or end (a 差评 case opened, called back, fixed, explained, closed). The escalation ladder
 * plans their reminders from this, exactly as it does from {@link DeadlinesChanged} for the
 * ticket's own deadlines; the deadline feature declares it so neither side knows the other.
 */
public interface CaseDeadlinesChanged {

  /** The case's deadlines are now {@code current}; met ones and those of an ended case stop their steps. */
  Future<Void> changed(SqlConnection tx, CaseDeadlines current, Instant at);

  /** No ladder wired: nothing is planned. */
  static CaseDeadlinesChanged none() {
    return (tx, current, at) -> Future.succeededFuture();
  }
}
