package org.open12345.hotline.intake.voice;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.List;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.problem.NotFound;

/** 回拨 tasks: abandoned calls waiting for an operator to call back, and marking them done. */
public final class CallbackTaskService {
  private static final int LIST_LIMIT = 500;
  private final Pool pool;
  private final CallbackTaskRepository tasks;
  private final Clock clock;

  public CallbackTaskService(Pool pool, CallbackTaskRepository tasks, Clock clock) {
    this.pool = pool;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** Oldest first; {@code status} {@code open}, {@code done} or null for both. */
  public Future<List<CallbackTask>> list(String status) {
    return tasks.list(pool, status, LIST_LIMIT);
  }

  /** Marks an open task done by {@code actor}; a task already done is refused, not overwritten. */
  public Future<CallbackTask> done(long id, Actor actor, String note) {
    return pool.withTransaction(tx -> tasks.markDone(tx, id, clock.instant(), actor.id(), note)
        .compose(marked -> tasks.find(tx, id).map(found -> {
          CallbackTask task = found.orElseThrow(() -> new NotFound("no callback task " + id));
          if (!marked) {
            throw new CallbackTaskAlreadyDone(id);
          }
          return task;
        })));
  }
}
