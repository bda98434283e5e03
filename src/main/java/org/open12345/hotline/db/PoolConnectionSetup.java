package org.open12345.hotline.db;

import io.vertx.core.Handler;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;

/** The pool's connect handler: readies each new connection's socket, then lends it to the pool. */
public final class PoolConnectionSetup {

  private PoolConnectionSetup() {}

  /** For {@code PgBuilder.pool().withConnectHandler}. */
  public static Handler<SqlConnection> handler(Duration tcpUserTimeout) {
    return connection -> {
      try {
        FlushConsolidation.install(connection);
        UnansweredPacketLimit.apply(connection, tcpUserTimeout);
      } finally {
        // The pool lends the connection only after this: never keep it, whatever happened above.
        connection.close();
      }
    };
  }
}
