package org.open12345.hotline.intake.idempotency;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.Clock;
import java.util.Optional;
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
   * The answer of the key's first submission: {@code create}'s (which must run the claim it is
   * given in its transaction), or {@code replay} of what was stored when the claim finds the key
   * claimed before with the same content. Fails with {@link SubmissionKeyReused} when the key was
   * claimed with other content, {@link SubmissionKeyBusy} when another transaction holds it.
   *
   * <p>A first submission is not looked up before its transaction: copies are rare (an answer was
   * lost), and a lookup for every keyed submission took a pool connection and a round trip each,
   * which halved the tickets per COMMIT at 32 connections (bench/README, session 13). A copy is
   * found by its claim instead: its ticket is rolled back, with the group-commit batch it was in
   * (which runs again without it), a cost paid only by copies. A copy that waited here for the
   * first one looks first, since that one has most likely just stored it.
   *
   * @param codeSalt the salt the new ticket's query code is derived with, stored for replays (null: no code)
   */
  public <T> Future<T> submit(SubmissionKey key, byte[] codeSalt,
      Function<SubmissionKeyRepository.Claimed, T> replay, Function<KeyClaim, Future<T>> create) {
    return inFlight.one(key.keyHash(), waited -> !waited ? created(key, codeSalt, replay, create)
        : stored(key, replay).compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
            : created(key, codeSalt, replay, create)));
  }

  /**
   * The answer stored for the key ({@code replay} of it), or empty when it was never claimed;
   * fails with {@link SubmissionKeyReused} when it was claimed with other content.
   */
  public <T> Future<Optional<T>> stored(SubmissionKey key, Function<SubmissionKeyRepository.Claimed, T> replay) {
    return keys.find(pool, key.keyHash()).compose(found -> found.isEmpty() ? Future.succeededFuture(Optional.empty())
        : replay(found.get(), key, replay).map(Optional::of));
  }

  private <T> Future<T> created(SubmissionKey key, byte[] codeSalt,
      Function<SubmissionKeyRepository.Claimed, T> replay, Function<KeyClaim, Future<T>> create) {
    KeyClaim claim = (tx, t) -> keys.claim(tx, key.keyHash(), key.contentHash(), t.id(), t.number(), codeSalt,
            clock.instant())
        .compose(outcome -> switch (outcome) {
          case CLAIMED -> Future.succeededFuture();
          case BUSY -> Future.failedFuture(new SubmissionKeyBusy());
          case TAKEN -> Future.failedFuture(new SubmissionKeyTaken());
        });
    return create.apply(claim).recover(e -> e instanceof SubmissionKeyTaken
        // the key's row was there to meet: committed, so the copy that stored it is the answer,
        // unless the key expired and was deleted since (ExpiredRows): then it is new again
        ? stored(key, replay).compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
            : created(key, codeSalt, replay, create))
        : Future.failedFuture(e));
  }

  private static <T> Future<T> replay(SubmissionKeyRepository.Claimed claimed, SubmissionKey key,
      Function<SubmissionKeyRepository.Claimed, T> replay) {
    if (!claimed.contentHash().equals(key.contentHash())) {
      return Future.failedFuture(new SubmissionKeyReused());
    }
    return Future.succeededFuture(replay.apply(claimed));
  }
}
