package org.open12345.hotline.notify;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.open12345.hotline.problem.NotFound;

/**
 * Where the rest of the server puts messages: always inside the transaction of the change that
 * causes them, so a message exists exactly when that change committed. Delivery is the relay's.
 * Operators see what was sent and resend dead letters through here too.
 */
public final class Outbox {
  private final Pool pool;
  private final OutboxRepository repository;
  private final CitizenSmsSlot courtesy;
  private final Clock clock;

  public Outbox(Pool pool, OutboxRepository repository, CitizenSmsSlot courtesy, Clock clock) {
    this.pool = pool;
    this.repository = repository;
    this.courtesy = courtesy;
    this.clock = clock;
  }

  /**
   * Adds the message unless one with the same dedupe key exists.
   *
   * @return the new row's id, or null when the dedupe key was already taken
   */
  public Future<Long> enqueue(SqlConnection tx, NewMessage m) {
    Instant now = clock.instant();
    return slot(tx, m, now).compose(at -> repository.insert(tx, m, now, at));
  }

  /**
   * {@link #enqueue} for a caller that needs no id: inside a group-commit batch (ticket creation)
   * the row waits for the batch's end and goes with every other ticket's messages in one
   * statement; in any other transaction it is written at once. Same rules: one message per dedupe
   * key, written exactly when the transaction commits, citizen SMS at the slot
   * {@link CitizenSmsSlot} gives.
   */
  public Future<Void> add(SqlConnection tx, NewMessage m) {
    Instant now = clock.instant();
    return slot(tx, m, now).compose(at -> repository.insertLater(tx, m, now, at));
  }

  /**
   * When the message may go. Only a citizen SMS that is not an at-once kind reads anything (the
   * acknowledgement, by default, reads nothing): it locks the phone's recent rows so two citizen
   * SMS written at once cannot both take the last free slot of the hour.
   */
  private Future<Instant> slot(SqlConnection tx, NewMessage m, Instant now) {
    if (!m.toCitizen() || courtesy.atOnce(m.kind())) {
      return Future.succeededFuture(now);
    }
    return repository.recentCitizenSends(tx, m.recipient(), now).map(recent -> courtesy.earliest(now, recent));
  }

  /** Messages newest first; a null filter matches any. */
  public Future<List<OutboxRow>> list(String status, String channel, String recipient, Long ticketId, int limit) {
    return repository.list(pool, status, channel, recipient, ticketId, limit);
  }

  /**
   * Sends a dead letter again with a fresh set of attempts. Only {@code failed} messages can be
   * resent: a pending one is still being tried, a sent one arrived.
   */
  public Future<OutboxRow> resend(long id) {
    return pool.withTransaction(tx -> repository.retryFailed(tx, id)
        .compose(resent -> repository.find(tx, id).map(row -> {
          OutboxRow found = row.orElseThrow(() -> new NotFound("no outbox message " + id));
          if (!resent) {
            throw new OutboxMessageNotFailed(id, found.status());
          }
          return found;
        })));
  }
}
