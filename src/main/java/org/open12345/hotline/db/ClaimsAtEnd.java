package org.open12345.hotline.db;

import io.vertx.sqlclient.SqlClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Claims written at a group-commit batch's end. A claim is a row whose unique key makes a delivery
 * count once (an SMS's provider id). Claimed first, with a statement of its own, it costs the
 * batch a wait for its answer before the unit can go on. A unit may instead trust the claim to
 * be free, do its work, and write the claim with its other rows at the batch's end
 * ({@link DeferredRows}), so that the batch waits for PostgreSQL once: if the key was taken after
 * all (a provider's retry of a stored message), the batch's write fails, nothing of it is stored,
 * and {@link GroupCommit} runs it again with every claim made first, which then finds the key
 * taken. After such a conflict the lane makes claims first for a while
 * ({@link #FIRST_AFTER_CONFLICT}), so a burst of retries costs one rerun, not one per batch.
 *
 * <p>Two copies of one key in the same batch: the second is told the first claimed it
 * ({@link Claim#TAKEN_IN_BATCH}); it is a duplicate if the batch commits, and runs again if not.
 */
public final class ClaimsAtEnd {
  /** How long a lane makes claims first after a claim written at a batch's end met a taken key. */
  static final Duration FIRST_AFTER_CONFLICT = Duration.ofSeconds(5);

  /** How a unit claims its key. */
  public enum Claim {
    /**
     * The unit holds the key in its batch: it writes the claim with the batch's other rows, at its
     * end (or, if it decides otherwise after all, claims it first with a statement).
     */
    AT_END,
    /** Claim now, with a statement whose answer says whether the key was free (outside a batch, or in a rerun). */
    FIRST,
    /** An earlier unit of the same batch claims this key at the end: this delivery is its duplicate. */
    TAKEN_IN_BATCH
  }

  private final boolean allowed;
  private final Set<Object> keys = new HashSet<>();

  /** @param allowed whether this batch's units may write their claims at its end */
  ClaimsAtEnd(boolean allowed) {
    this.allowed = allowed;
  }

  /** How the unit running on {@code client} claims {@code key}; {@link Claim#AT_END} records it for the batch. */
  public static Claim of(SqlClient client, Object key) {
    if (!(client instanceof BatchConnection batch) || !batch.claims().allowed) {
      return Claim.FIRST;
    }
    return batch.claims().keys.add(key) ? Claim.AT_END : Claim.TAKEN_IN_BATCH;
  }

  /** True when some unit of the batch writes its claim at the end. */
  boolean any() {
    return !keys.isEmpty();
  }
}
