package org.open12345.hotline.db;

import io.netty.channel.unix.Errors.NativeIoException;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;

/**
 * A failure that says the database could not be reached or went away mid-request, not that the
 * request or the server's code was wrong: a socket error (a reset, a refusal, a connection that
 * timed out, {@code db.tcp_user_timeout}), a connection the client had already closed, or
 * PostgreSQL refusing or ending sessions (SQLSTATE class 08, shutdown and start-up 57P01–57P03,
 * too many connections 53300). Such a request is answered 503, which tells clients and providers
 * to try again, and keeps 500 for the server's own bugs. The database is the only peer a request's
 * handling talks to (the providers are the outbox relay's, in the background), so a socket error
 * there is the database's.
 */
public final class DatabaseUnreachable {
  private static final Set<String> SQLSTATES = Set.of("57P01", "57P02", "57P03", "53300");
  /** What vertx-sql-client 5.0.7 fails a statement with once its connection is closed. */
  private static final String CLOSED = "Connection is not active now";

  private DatabaseUnreachable() {}

  public static boolean is(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 8; t = t.getCause(), depth++) {
      // Socket errors only: other IOExceptions (a form decoder's size limit) are the request's.
      if (t instanceof SocketException || t instanceof NativeIoException || t instanceof ClosedChannelException
          || t instanceof ClosedConnectionException) {
        return true;
      }
      if (t instanceof PgException pg && pg.getSqlState() != null
          && (pg.getSqlState().startsWith("08") || SQLSTATES.contains(pg.getSqlState()))) {
        return true;
      }
      if (t instanceof VertxException && t.getMessage() != null && t.getMessage().startsWith(CLOSED)) {
        return true;
      }
    }
    return false;
  }
}
