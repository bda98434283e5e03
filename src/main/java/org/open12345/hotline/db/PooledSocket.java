package org.open12345.hotline.db;

import io.netty.channel.ChannelPipeline;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.impl.SocketConnectionBase;
import io.vertx.sqlclient.internal.Connection;
import io.vertx.sqlclient.internal.SqlConnectionBase;

/**
 * The socket behind a pool connection. The pg client has no public hook into its socket, so this
 * reaches through its internal connection classes; when they change shape it answers null and the
 * callers leave the connection as it is.
 */
final class PooledSocket {

  private PooledSocket() {}

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
