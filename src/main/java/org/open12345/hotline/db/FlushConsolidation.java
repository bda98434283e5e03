package org.open12345.hotline.db;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.impl.SocketConnectionBase;
import io.vertx.sqlclient.internal.Connection;
import io.vertx.sqlclient.internal.SqlConnectionBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One socket write for the statements a connection sends while it is reading answers. The pg
 * client flushes (one {@code write} system call) at every statement it is given; under group
 * commit the answers for several tickets of a batch arrive in one read, and each ticket's callback
 * sends its next statement on the same connection: a flush each. Netty's
 * {@link FlushConsolidationHandler} at the head of the pipeline holds those flushes until the read
 * is complete and makes them one; outside a read a flush goes out at once, as before. In the intake
 * profile the pg client's writes were the largest single cost of the server (~11 % of its Java
 * threads' CPU, ~14 writes per ticket; bench/README.md, "Server CPU profile").
 *
 * <p>The client has no public hook into its pipeline, so this reaches through its internal
 * connection classes; when they change shape it logs once and leaves the connection as it is
 * (only the saving is lost).
 */
public final class FlushConsolidation {
  private static final Logger log = LoggerFactory.getLogger(FlushConsolidation.class);
  /** Name of the handler in the connection's pipeline. */
  public static final String NAME = "hotline-flush-consolidation";
  private static volatile boolean warned;

  private FlushConsolidation() {}

  /** For {@code PgBuilder.pool().withConnectHandler}: installs, then hands the connection to the pool. */
  public static void installAndRelease(SqlConnection connection) {
    try {
      install(connection);
    } finally {
      // The pool lends the connection only after this: never keep it, whatever happened above.
      connection.close();
    }
  }

  /** Installs the handler on the connection's socket; true when it is (now or already) there. */
  public static boolean install(SqlConnection connection) {
    ChannelPipeline pipeline = pipelineOf(connection);
    if (pipeline == null) {
      if (!warned) {
        warned = true;
        log.warn("pg client internals changed: statements are flushed one by one (no flush consolidation)");
      }
      return false;
    }
    if (pipeline.get(NAME) == null) {
      // explicitFlushAfterFlushes: Netty's default (256) bounds what waits within one long read.
      pipeline.addFirst(NAME, new FlushConsolidationHandler(
          FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, false));
    }
    return true;
  }

  /** The socket pipeline behind a (pooled) connection, or null when it cannot be reached. */
  static ChannelPipeline pipelineOf(SqlConnection connection) {
    try {
      if (!(connection instanceof SqlConnectionBase<?> base)) {
        return null;
      }
      Connection c = base.unwrap();
      for (int i = 0; i < 4 && c != null && !(c instanceof SocketConnectionBase); i++) {
        Connection inner = c.unwrap();
        c = inner == c ? null : inner;
      }
      return c instanceof SocketConnectionBase socket ? socket.socket().channelHandlerContext().pipeline() : null;
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }
}
