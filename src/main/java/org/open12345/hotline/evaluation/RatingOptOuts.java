package org.open12345.hotline.evaluation;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.util.List;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.evaluation.RatingOptOutRepository.Change;

/**
 * 退订: a phone that replies 退订, TD or T gets no more rating prompt SMS, at once, as carriers
 * require of bulk SMS. Recorded with the message; reversed when the citizen rates on the web, or by
 * an operator at the citizen's request. The 差评 feedback after a fix or an explanation is still
 * sent: it answers the citizen's own complaint.
 */
public final class RatingOptOuts {
  private static final int HISTORY = 50;
  private final Pool pool;
  private final RatingOptOutRepository repository;
  private final Clock clock;

  /** A phone's state and its changes, newest first. */
  public record State(String phone, boolean optedOut, List<Change> history) {}

  public RatingOptOuts(Pool pool, RatingOptOutRepository repository, Clock clock) {
    this.pool = pool;
    this.repository = repository;
    this.clock = clock;
  }

  /** The SMS 退订, in the message's transaction. */
  public Future<Void> optOutBySms(SqlConnection tx, String phone, long inboundMessageId, String text) {
    return repository.insert(tx, phone, true, "sms", "citizen", text, inboundMessageId, clock.instant());
  }

  /** The citizen rated on the web: prompts resume (written only when the phone was opted out). */
  public Future<Void> resumeOnWeb(SqlConnection tx, String phone) {
    if (phone == null) {
      return Future.succeededFuture();
    }
    return repository.isOptedOut(tx, phone).compose(out -> !out ? Future.succeededFuture()
        : repository.insert(tx, phone, false, "web", "citizen", "rated on the web", null, clock.instant()));
  }

  /** An operator records the citizen's wish (either way). */
  public Future<State> set(String phone, boolean optedOut, Actor actor, String note) {
    return pool.withTransaction(tx -> repository.insert(tx, phone, optedOut, "operator", actor.id(), note, null,
        clock.instant())).compose(v -> state(phone));
  }

  public Future<State> state(String phone) {
    return repository.history(pool, phone, HISTORY)
        .map(h -> new State(phone, !h.isEmpty() && h.get(0).optedOut(), h));
  }
}
