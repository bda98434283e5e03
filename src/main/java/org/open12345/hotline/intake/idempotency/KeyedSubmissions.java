package org.open12345.hotline.intake.idempotency;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.Clock;
import java.util.function.Function;
import org.open12345.hotline.ticket.Ticket;

/**
 * Submissions made under an idempotency key, whatever their channel (the portal's form and JSON
 * API, Open311): the first one with a key stores its ticket and claims the key in the same
 * transaction; a copy gets the stored answer again instead of a second ticket. A copy sent while
 * the first is still being stored on this instance waits for it; one on another instance, or
 * behind a transaction whose connection was lost, is told the key is busy.
 */
public final class KeyedSubmissions {
  /** The key's claim, to run in the transaction that creates the ticket, once the ticket exists. */
  @FunctionalInterface
  public interface KeyClaim {
    Future<Void> in(SqlClient tx, Ticket ticket);
  }

  private final Pool pool;
  private final SubmissionKeyRepository keys;
  private final Clock clock;
  private final SubmissionsInFlight inFlight = new SubmissionsInFlight();

  public KeyedSubmissions(Pool pool, SubmissionKeyRepository keys, Clock clock) {
    this.pool = pool;
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * The answer of the key's first submission: {@code replay} of what it stored when the key was
   * claimed before with the same content, else {@code create}'s (which must run the claim it is
   * given in its transaction). Fails with {@link SubmissionKeyReused} when the key was claimed
   * with other content, {@link SubmissionKeyBusy} when another transaction holds it.
   *
   * @param codeSalt the salt the new ticket's query code is derived with, stored for replays (null: no code)
   */
  public <T> Future<T> submit(SubmissionKey key, byte[] codeSalt,
      Function<SubmissionKeyRepository.Claimed, T> replay, Function<KeyClaim, Future<T>> create) {
    return inFlight.one(key.keyHash(), () -> keys.find(pool, key.keyHash()).compose(found -> {
      if (found.isPresent()) {
        return replay(found.get(), key, replay);
      }
      KeyClaim claim = (tx, t) -> keys.claim(tx, key.keyHash(), key.contentHash(), t.id(), t.number(), codeSalt,
              clock.instant())
          .compose(outcome -> switch (outcome) {
            case CLAIMED -> Future.succeededFuture();
            case BUSY -> Future.failedFuture(new SubmissionKeyBusy());
            case TAKEN -> Future.failedFuture(new SubmissionKeyTaken());
          });
      return create.apply(claim).recover(e -> e instanceof SubmissionKeyTaken
          // the copy that stored the key has committed: taken means its row was there to meet
          ? keys.find(pool, key.keyHash()).compose(again -> replay(again.orElseThrow(), key, replay))
          : Future.failedFuture(e));
    }));
  }

  private static <T> Future<T> replay(SubmissionKeyRepository.Claimed claimed, SubmissionKey key,
      Function<SubmissionKeyRepository.Claimed, T> replay) {
    if (!claimed.contentHash().equals(key.contentHash())) {
      return Future.failedFuture(new SubmissionKeyReused());
    }
    return Future.succeededFuture(replay.apply(claimed));
  }
}
