package org.open12345.hotline.db;

import io.vertx.pgclient.PgConnectOptions;
import java.time.Duration;

/**
 * Makes PostgreSQL end a session of the server's pool that sits inside a transaction, idle, for
 * longer than a limit ({@code idle_in_transaction_session_timeout}, sent at connect time). The
 * server's own transactions last milliseconds; one that stays open is an instance that froze or
 * lost the network mid-transaction (a crashed VM sends no FIN). Its locks would otherwise hold
 * until TCP keepalive gives up, two hours by default: the tickets it had locked, and the claim of
 * an SMS it was storing, on which the provider's retries to the other instances would wait.
 */
public final class IdleTransactionLimit {

  private IdleTransactionLimit() {}

  /** {@code limit} zero leaves PostgreSQL's own setting (by default: no limit). */
  public static PgConnectOptions apply(PgConnectOptions options, Duration limit) {
    if (limit.isZero()) {
      return options;
    }
    return options.addProperty("idle_in_transaction_session_timeout", String.valueOf(limit.toMillis()));
  }
}
