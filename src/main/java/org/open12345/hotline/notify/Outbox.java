package org.open12345.hotline.notify;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;

/**
 * Where the rest of the server puts messages: always inside the transaction of the change that
 * causes them, so a message exists exactly when that change committed. Delivery is the relay's.
 */
public final class Outbox {
  private final OutboxRepository repository;
  private final CitizenSmsSlot courtesy;
  private final Clock clock;

  public Outbox(OutboxRepository repository, CitizenSmsSlot courtesy, Clock clock) {
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
    if (!m.toCitizen()) {
      return repository.insert(tx, m, now, now);
    }
    // Lock the phone's recent rows so two citizen SMS written at once cannot both take the last
    // free slot of the hour.
    return repository.recentCitizenSends(tx, m.recipient(), now)
        .compose(recent -> repository.insert(tx, m, now, courtesy.earliest(now, recent)));
  }
}
