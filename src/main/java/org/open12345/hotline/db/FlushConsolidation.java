package org.open12345.hotline.db;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.sqlclient.SqlConnection;
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
 * <p>The client has no public hook into its pipeline ({@link PooledSocket}); when its internals
 * change shape this logs once and leaves the connection as it is (only the saving is lost).
 */
public final class FlushConsolidation {
  private static final Logger log = LoggerFactory.getLogger(FlushConsolidation.class);
  /** Name of the handler in the connection's pipeline. */
  public static final String NAME = "hotline-flush-consolidation";
  private static volatile boolean warned;

  private FlushConsolidation() {}

  /** Installs the handler on the connection's socket; true when it is (now or already) there. */
  public static boolean install(SqlConnection connection) {
    ChannelPipeline pipeline = PooledSocket.pipelineOf(connection);
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
}
