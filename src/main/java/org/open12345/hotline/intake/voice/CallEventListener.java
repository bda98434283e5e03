package org.open12345.hotline.intake.voice;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

/**
 * Told of every new call event in the transaction that stores it (a provider's retry of an event
 * already stored tells nobody), so what a listener writes commits, or not, with the event. The
 * console pops the caller's history on the operator's screen from it.
 */
public interface CallEventListener {
  Future<Void> afterEvent(SqlConnection tx, CallEvent event);
}
