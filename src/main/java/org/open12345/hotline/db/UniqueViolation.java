package org.open12345.hotline.db;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import java.util.Optional;

/**
 * An insert that a unique index may refuse (one pending request per ticket): the refusal is an
 * answer ("there already is one"), not an error. PostgreSQL says so with SQLSTATE 23505.
 */
public final class UniqueViolation {
  private static final String SQLSTATE = "23505";

  private UniqueViolation() {}

  /** True when the failure is a unique index refusing a row. */
  public static boolean is(Throwable failure) {
    return failure instanceof PgException pg && SQLSTATE.equals(pg.getSqlState());
  }

  /** The inserted row, or empty when a unique index refused it; other failures stay failures. */
  public static <T> Future<Optional<T>> emptyIfRefused(Future<T> insert) {
    return insert.map(Optional::of)
        .recover(e -> is(e) ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(e));
  }
}
