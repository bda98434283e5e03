package org.open12345.hotline.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

/**
 * Which failures say the database could not be reached (503), and which do not (the request's
 * fault, or the server's). The failure a real dark connection gives is checked in
 * {@link UnansweredPacketLimitTest}.
 */
class DatabaseUnreachableTest {

  static PgException pg(String sqlState) {
    return new PgException("message", "FATAL", sqlState, null);
  }

  @Test
  void socketErrorsClosedConnectionsAndRefusedOrEndedSessionsAreUnreachable() {
    assertTrue(DatabaseUnreachable.is(new SocketException("Connection reset")));
    assertTrue(DatabaseUnreachable.is(io.netty.channel.unix.Errors.newIOException("recvAddress(..)", -110)),
        "Connection timed out, as epoll reports it");
    assertTrue(DatabaseUnreachable.is(new java.net.ConnectException("Connection refused")));
    assertTrue(DatabaseUnreachable.is(ClosedConnectionException.INSTANCE));
    assertTrue(DatabaseUnreachable.is(VertxException.noStackTrace("Connection is not active now, current status: CLOSED")));
    assertTrue(DatabaseUnreachable.is(pg("57P01")), "terminating connection due to administrator command");
    assertTrue(DatabaseUnreachable.is(pg("57P03")), "the database system is starting up");
    assertTrue(DatabaseUnreachable.is(pg("53300")), "too many connections");
    assertTrue(DatabaseUnreachable.is(pg("08006")), "connection failure");
    assertTrue(DatabaseUnreachable.is(new IllegalStateException("batch failed", new SocketException("reset"))),
        "found down the causes");
  }

  @Test
  void statementErrorsAndBugsAreNot() {
    assertFalse(DatabaseUnreachable.is(pg("23505")), "unique violation");
    assertFalse(DatabaseUnreachable.is(pg("22021")), "NUL in text");
    assertFalse(DatabaseUnreachable.is(pg("40001")), "serialization failure");
    assertFalse(DatabaseUnreachable.is(new IllegalStateException("a bug")));
    assertFalse(DatabaseUnreachable.is(VertxException.noStackTrace("something else")));
    assertFalse(DatabaseUnreachable.is(new java.io.IOException("Size exceed allowed maximum capacity")),
        "a form decoder's limit (found by the fuzz test)");
    assertFalse(DatabaseUnreachable.is(null));
  }
}
