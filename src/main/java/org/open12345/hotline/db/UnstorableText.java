package org.open12345.hotline.db;

import io.vertx.pgclient.PgException;
import java.util.Set;

/**
 * Text PostgreSQL cannot hold: a NUL character (U+0000), which JSON ("\u0000") and URLs ("%00")
 * can carry but a {@code text} value cannot (SQLSTATE 22021), or a character the database
 * encoding lacks (22P05). The statement fails and its transaction rolls back, so nothing is
 * stored; the request was at fault, not the server (found by the fuzz of issue 15).
 */
public final class UnstorableText {
  private static final Set<String> SQLSTATES = Set.of("22021", "22P05");

  private UnstorableText() {}

  public static boolean is(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof PgException pg && SQLSTATES.contains(pg.getSqlState())) {
        return true;
      }
    }
    return false;
  }
}
