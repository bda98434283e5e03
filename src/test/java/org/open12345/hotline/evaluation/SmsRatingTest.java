package org.open12345.hotline.evaluation;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.intake.IntakeTesting.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.intake.WebhookGuards;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestServer.Response;
import org.open12345.hotline.testing.TestServer;

/**
 * Replies to rating prompts by SMS. Decided here: only a phone that was sent a prompt can rate;
 * without any prompt a message is a new request. A reply after the window that parses as a rating
 * is kept as a "late" rating that does not count (never a ticket); one that does not parse is a
 * new request.
 */
class SmsRatingTest {
  static TestServer server;
  static final AtomicInteger seq = new AtomicInteger();

  @BeforeAll
  static void start() {
    server = TestServer.start(config(), java.time.Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A ticket for the phone and an open prompt about it; returns the ticket number. */
  static String prompted(String phone) throws Exception {
    Response created = server.postJson("/api/tickets", new JsonObject().put("citizen_phone", phone)
        .put("request_type", "投诉").put("description", "噪音扰民"), As.OPERATOR);
    assertEquals(201, created.status(), created.body());
    String number = created.json().getString("number");
    var features = server.server().features();
    Await.result(server.server().pool().withTransaction(tx -> features.tickets.repository()
        .findByNumber(tx, number).compose(t -> features.evaluation.prompts().open(tx, t.orElseThrow(), phone))));
    return number;
  }

  static Response reply(String phone, String text) {
    String body = new JsonObject().put("phone_number", phone).put("content", text)
        .put("send_time", "2024-05-01 08:00:00").put("sequence_id", "r-" + seq.incrementAndGet()).encode();
    Response r = server.post("/webhooks/sms/aliyun", "[" + body + "]", WebhookGuards.HEADER, ALIYUN_SECRET);
    assertEquals(200, r.status(), r.body());
    return r;
  }

  static String outcome(String phone) {
    return text(server, "SELECT outcome FROM inbound_messages WHERE phone = ? ORDER BY id DESC LIMIT 1", phone);
  }

  static String countedLevel(String number) {
    return text(server, "SELECT r.level FROM ratings r JOIN tickets t ON t.id = r.ticket_id "
        + "WHERE t.number = ? AND r.status = 'counted'", number);
  }

  static JsonArray timeline(String number) {
    return server.get("/api/tickets/" + number, As.DISPATCHER).json().getJsonArray("timeline");
  }

  static boolean hasEvent(String number, String action) {
    return timeline(number).stream().anyMatch(e -> action.equals(((JsonObject) e).getString("action")));
  }

  @Test
  void thePromptIsQueuedAsAnSms() throws Exception {
    String n = prompted("13700000001");
    assertTrue(outboxOf(server, n).stream().map(o -> (JsonObject) o)
        .anyMatch(m -> "rating-prompt".equals(m.getString("kind")) && m.getString("text").contains(n)
            && "13700000001".equals(m.getString("recipient"))));
  }

  @Test
  void aDigitRatesTheTicket() throws Exception {
    String n = prompted("13700000002");
    reply("13700000002", "2");
    assertEquals("SATISFIED", countedLevel(n));
    assertEquals("rating", outcome("13700000002"));
    assertTrue(hasEvent(n, "RATE"));
    assertEquals(1, ticketsOf(server, "13700000002").size(), "no new ticket");
  }

  @Test
  void fullWidthDigitsWordsAndExtraTextAreRatings() throws Exception {
    String a = prompted("13700000003");
    reply("13700000003", "１");
    assertEquals("VERY_SATISFIED", countedLevel(a));
    String b = prompted("13700000004");
    reply("13700000004", "基本满意");
    assertEquals("BASIC", countedLevel(b));
    String c = prompted("13700000005");
    reply("13700000005", "3 谢谢你们");
    assertEquals("BASIC", countedLevel(c));
    assertEquals("MEDIUM", text(server, "SELECT confidence FROM ratings r JOIN tickets t ON t.id = r.ticket_id "
        + "WHERE t.number = ?", c));
  }

  @Test
  void aBadRatingIsFlaggedForFollowUpWithAnEvent() throws Exception {
    String n = prompted("13700000006");
    reply("13700000006", "非常不满意");
    assertEquals("VERY_DISSATISFIED", countedLevel(n));
    assertEquals(1, count(server, "SELECT count(*) FROM ratings r JOIN tickets t ON t.id = r.ticket_id "
        + "WHERE t.number = ? AND r.bad AND r.follow_up_required", n));
    assertTrue(hasEvent(n, "BAD_RATING"));
  }

  @Test
  void anUnparsedReplyIsKeptAndListedNotGuessed() throws Exception {
    String n = prompted("13700000007");
    reply("13700000007", "不太满意");
    assertNull(countedLevel(n));
    assertEquals("unparsed", outcome("13700000007"));
    Response list = server.get("/api/inbound?status=unparsed", As.DISPATCHER);
    assertEquals(200, list.status());
    assertTrue(list.json().getJsonArray("items").stream().map(o -> (JsonObject) o)
        .anyMatch(m -> "13700000007".equals(m.getString("phone")) && "不太满意".equals(m.getString("text"))));
    assertEquals(1, ticketsOf(server, "13700000007").size(), "no new ticket for an unclear reply");
  }

  @Test
  void aSecondReplyIsKeptAsDuplicateAndTheFirstStays() throws Exception {
    String n = prompted("13700000008");
    reply("13700000008", "1");
    reply("13700000008", "5");
    assertEquals("VERY_SATISFIED", countedLevel(n), "the first answer stays");
    assertEquals("VERY_DISSATISFIED", text(server, "SELECT r.level FROM ratings r JOIN tickets t ON t.id = r.ticket_id "
        + "WHERE t.number = ? AND r.status = 'duplicate'", n));
    assertEquals("rating_duplicate", outcome("13700000008"));
    assertTrue(hasEvent(n, "RATE_DUPLICATE"));
    assertEquals(0, count(server, "SELECT count(*) FROM ratings WHERE status = 'duplicate' AND follow_up_required"));
  }

  @Test
  void aLateRatingIsKeptButDoesNotCountAndMakesNoTicket() throws Exception {
    String n = prompted("13700000009");
    execute(server, "UPDATE rating_prompts SET sent_at = now() - interval '10 days', "
        + "expires_at = now() - interval '3 days' WHERE phone = '13700000009'");
    reply("13700000009", "满意");
    assertNull(countedLevel(n));
    assertEquals("SATISFIED", text(server, "SELECT level FROM ratings WHERE status = 'late' AND ticket_id = ?",
        ticketId(server, n)));
    assertEquals("rating_late", outcome("13700000009"));
    assertEquals(1, ticketsOf(server, "13700000009").size());
    reply("13700000009", "我家楼下的下水道又堵了，请派人看看");
    assertEquals(2, ticketsOf(server, "13700000009").size(), "a late message that is not a rating is a new request");
  }

  @Test
  void aLongMessageFromAPromptedPhoneIsANewRequest() throws Exception {
    prompted("13700000010");
    reply("13700000010", "你好，我想反映一个新问题，我们小区东门外的人行道上有个井盖丢了，晚上特别危险，请尽快处理一下，谢谢");
    assertEquals("ticket", outcome("13700000010"));
    assertEquals(2, ticketsOf(server, "13700000010").size());
  }
}
