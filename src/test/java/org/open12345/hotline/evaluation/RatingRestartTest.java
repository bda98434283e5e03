package org.open12345.hotline.evaluation;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.intake.IntakeTesting.ALIYUN_SECRET;
import static org.open12345.hotline.intake.IntakeTesting.count;
import static org.open12345.hotline.intake.IntakeTesting.execute;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.deadline.ManualClock;
import org.open12345.hotline.intake.IntakeTesting;
import org.open12345.hotline.intake.WebhookGuards;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * A rating arriving while the server restarts is never lost nor counted twice: the provider's
 * message id is claimed in the transaction that stores the rating and opens its case, and the
 * provider is answered only after the commit, so it retries whatever did not commit.
 */
class RatingRestartTest {

  static Response deliver(TestServer s, String phone, String text, String providerId) {
    String body = new JsonObject().put("phone_number", phone).put("content", text)
        .put("send_time", "2026-03-02 10:00:00").put("sequence_id", providerId).encode();
    return s.post("/webhooks/sms/aliyun", "[" + body + "]", WebhookGuards.HEADER, ALIYUN_SECRET);
  }

  @Test
  void aRatingThatFailedMidwayIsStoredOnceWhenTheProviderRetriesAfterARestart() {
    RatingTesting first = new RatingTesting();
    String n = first.closedTicket("13900000301", "hhht.gas");
    TestServer a = first.server;
    // The server dies inside the rating's transaction: its case cannot be written.
    execute(a, """
        CREATE FUNCTION fail_case() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'simulated crash'; END $$""");
    execute(a, "CREATE TRIGGER fail_case BEFORE INSERT ON rating_cases FOR EACH ROW EXECUTE FUNCTION fail_case()");
    Response failed = deliver(a, "13900000301", "4", "seq-restart-1");
    assertTrue(failed.status() >= 500, "not acknowledged, so the provider retries: " + failed.status());
    assertEquals(0, count(a, "SELECT count(*) FROM inbound_messages WHERE provider_message_id = 'seq-restart-1'"),
        "the claim rolled back with the rating");
    assertEquals(0, count(a, "SELECT count(*) FROM ratings"));
    execute(a, "DROP TRIGGER fail_case ON rating_cases");
    a.close();

    Map<String, String> config = IntakeTesting.config();
    config.put("escalation.scheduler_enabled", "false");
    config.put("outbox.relay_enabled", "false");
    TestServer b = TestServer.start(a.database(), config, new ManualClock(RatingTesting.MONDAY_10));
    try {
      assertEquals(200, deliver(b, "13900000301", "4", "seq-restart-1").status(), "the retry is stored");
      assertEquals(200, deliver(b, "13900000301", "4", "seq-restart-1").status(), "a second retry is acknowledged");
      assertEquals(1, count(b, "SELECT count(*) FROM inbound_messages WHERE provider_message_id = 'seq-restart-1'"));
      assertEquals(1, count(b, "SELECT count(*) FROM ratings r JOIN tickets t ON t.id = r.ticket_id "
          + "WHERE t.number = ? AND r.status = 'counted'", n), "counted once");
      assertEquals(1, count(b, "SELECT count(*) FROM rating_cases c JOIN tickets t ON t.id = c.ticket_id "
          + "WHERE t.number = ?", n), "one case");
      assertEquals(0, count(b, "SELECT count(*) FROM ratings WHERE status = 'duplicate'"), "no duplicate rating row");
    } finally {
      b.close();
    }
  }
}
