package org.open12345.hotline.db;

import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.epoll.EpollChannelOption;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a database connection whose packets to PostgreSQL go unacknowledged for longer than a limit
 * ({@code TCP_USER_TIMEOUT}). When the database fails over and the old primary's host is gone
 * (or a partition drops its packets), no FIN or RST ever arrives: every pool connection then waits
 * for an answer until TCP's retransmissions give up, some fifteen minutes on Linux, and with all of
 * them stuck the pool opens no new one to the promoted standby. Keepalive does not help there: the
 * kernel sends no probe while data is waiting for its acknowledgement. With the limit, each such
 * connection fails after it, its request gets an error, and the pool connects anew.
 *
 * <p>A connection with nothing to send (idle in the pool, or waiting for notifications) would never
 * find out, so the socket also sends keepalive probes once it has been idle for half the limit, a
 * quarter of it apart; with {@code TCP_USER_TIMEOUT} set, Linux ends the connection when they go
 * unanswered for the limit. A dead idle connection is so replaced before anyone is lent it.
 *
 * <p>A busy PostgreSQL does not trip it: its kernel acknowledges what the server sends whatever
 * the backend is doing, so a long query or a slow disk is not mistaken for a dead peer.
 *
 * <p>Set on the socket when the pool connects, because vertx-pg-client 5.0.7 drops the transport
 * options given to its pool builder (fixed upstream in 5.0.9, eclipse-vertx/vertx-sql-client#1630).
 * Linux's native transport (epoll) only: {@code HotlineServer} prefers it.
 */
public final class UnansweredPacketLimit {
  private static final Logger log = LoggerFactory.getLogger(UnansweredPacketLimit.class);
  private static volatile boolean warned;

  private UnansweredPacketLimit() {}

  /**
   * Sets the limit and the keepalive probes on the connection's socket; {@code limit} zero leaves the
   * kernel's own behaviour. True when they are (or need not be) set.
   */
  public static boolean apply(SqlConnection connection, Duration limit) {
    if (limit.isZero()) {
      return true;
    }
    ChannelPipeline pipeline = PooledSocket.pipelineOf(connection);
    boolean set = false;
    try {
      if (pipeline != null) {
        ChannelConfig socket = pipeline.channel().config();
        int idleSeconds = (int) Math.max(1, Math.min(limit.toSeconds() / 2, 32_767));
        set = socket.setOption(EpollChannelOption.TCP_USER_TIMEOUT, (int) Math.min(limit.toMillis(), Integer.MAX_VALUE))
            && socket.setOption(ChannelOption.SO_KEEPALIVE, true)
            && socket.setOption(EpollChannelOption.TCP_KEEPIDLE, idleSeconds)
            && socket.setOption(EpollChannelOption.TCP_KEEPINTVL, Math.max(1, idleSeconds / 2));
      }
    } catch (RuntimeException | LinkageError e) {
      // Not epoll, or a socket that refuses the option: the connection works, without the limit.
    }
    if (!set && !warned) {
      warned = true;
      log.warn("db.tcp_user_timeout is not applied (it needs Linux's native transport and a reachable socket):"
          + " a database host gone without a FIN holds a connection until the kernel's retransmissions give up");
    }
    return set;
  }
}
