package org.open12345.hotline.intake.sms;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.sqlclient.Tuple;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.KeptStatements;
import org.open12345.hotline.testing.TestServer;

/**
 * The batch's outcome UPDATEs join their rows to inbound_messages: a generic plan made while the
 * table was small kept a sequential scan as it grew (12,810 scans reading 270 M rows in one bench
 * run, bench/README.md "Session 5"). The server's connections must not keep them prepared, so
 * they are planned for their values at each call; the claim stays prepared.
 */
class OutcomePlanningTest {

  @Test
  void theOutcomeUpdatesAreNotKeptPreparedTheClaimIs() {
    try (TestServer s = TestServer.start()) {
      InboundMessageRepository messages = new InboundMessageRepository();
      List<String> kept = KeptStatements.after(s.server().features().pool,
          x -> messages.mark(x, -1, InboundSmsHandler.Outcome.UNPARSED, "none", null, null, null),
          x -> messages.markTicket(x, -1, -1, "20261201000001"),
          x -> x.preparedQuery("SELECT count(*) FROM inbound_messages WHERE id = $1").execute(Tuple.of(-1L)));
      assertTrue(kept.stream().anyMatch(sql -> sql.contains("FROM inbound_messages WHERE id = $1")),
          "an ordinary statement is kept prepared: " + kept);
      assertTrue(kept.stream().noneMatch(sql -> sql.contains("UPDATE inbound_messages m")),
          "the outcome UPDATEs are not kept prepared: " + kept);
    }
  }
}
