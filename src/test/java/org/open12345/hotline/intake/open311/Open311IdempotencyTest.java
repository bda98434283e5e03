package org.open12345.hotline.intake.open311;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.intake.IntakeTesting.*;

import io.vertx.core.json.JsonArray;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.intake.idempotency.ClaimsElsewhere;
import org.open12345.hotline.intake.idempotency.SubmissionKey;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * An Open311 client that sends a request again with its {@code Idempotency-Key} (its answer was
 * lost: a timeout, a 503 while the COMMIT was under way) gets the first request's id again, not a
 * second ticket. Keys are the client's own: another API key with the same key is another request.
 */
class Open311IdempotencyTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(config(), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Response post(String file, String form, String key) {
    return server.send(HttpRequest.newBuilder(URI.create(server.url("/open311/v2/" + file)))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  static String form(String apiKey, String phone, String description) {
    return "api_key=" + apiKey + "&service_code=020301&address_string=" + enc("新华大街12号")
        + "&phone=" + phone + "&description=" + enc(description);
  }

  static String id(Response r) {
    assertEquals(201, r.status(), r.body());
    return new JsonArray(r.body()).getJsonObject(0).getString("service_request_id");
  }

  @Test
  void theSameKeyWithTheSameContentGetsTheSameRequest() {
    String key = UUID.randomUUID().toString();
    String form = form(OPEN311_KEY, "13400000101", "路灯不亮已经一周了");
    Response first = post("requests.json", form, key);
    String id = id(first);
    assertNull(first.header("Idempotent-Replayed"));

    // the same fields in another order, answered in JSON and in XML
    String reordered = "description=" + enc("路灯不亮已经一周了") + "&phone=13400000101&address_string="
        + enc("新华大街12号") + "&service_code=020301&api_key=" + OPEN311_KEY;
    Response again = post("requests.json", reordered, "\"" + key + "\"");
    assertEquals(id, id(again));
    assertEquals("true", again.header("Idempotent-Replayed"));
    Response xml = post("requests.xml", form, key);
    assertEquals(201, xml.status(), xml.body());
    assertTrue(xml.body().contains("<service_request_id>" + id + "</service_request_id>"), xml.body());
    assertEquals("true", xml.header("Idempotent-Replayed"));

    assertEquals(1, ticketsOf(server, "13400000101").size());
    assertEquals(1, count(server, "SELECT count(*) FROM outbox WHERE dedupe_key = ?", "ack-sms:" + id),
        "one acknowledgement");
    assertNotEquals(id, id(post("requests.json", form, UUID.randomUUID().toString())), "a new key is a new request");
  }

  @Test
  void aKeySentAgainWithOtherContentIs422InTheSpecErrorFormat() {
    String key = UUID.randomUUID().toString();
    id(post("requests.json", form(OPEN311_KEY, "13400000102", "井盖丢失，存在安全隐患"), key));
    Response reused = post("requests.json", form(OPEN311_KEY, "13400000102", "井盖丢失，存在安全隐患，请尽快处理"), key);
    assertEquals(422, reused.status(), reused.body());
    assertEquals(422, new JsonArray(reused.body()).getJsonObject(0).getInteger("code"));
    assertTrue(new JsonArray(reused.body()).getJsonObject(0).getString("description").contains("Idempotency-Key"));
    assertEquals(1, ticketsOf(server, "13400000102").size());
  }

  @Test
  void anotherClientsEqualKeyIsAnotherRequest() {
    String key = "order-1";
    String mine = id(post("requests.json", form(OPEN311_KEY, "13400000103", "小区供暖温度不达标"), key));
    String theirs = id(post("requests.json", form("other-key", "13400000103", "小区供暖温度不达标"), key));
    assertNotEquals(mine, theirs);
    assertEquals(2, ticketsOf(server, "13400000103").size());
  }

  @Test
  void aKeyThatIsNotPrintableAsciiIs400AndStoresNothing() {
    for (String bad : List.of("\"\"", " ", "k".repeat(256))) {
      Response r = post("requests.json", form(OPEN311_KEY, "13400000104", "公园长椅损坏"), bad);
      assertEquals(400, r.status(), bad + ": " + r.body());
      assertTrue(new JsonArray(r.body()).getJsonObject(0).getString("description").contains("Idempotency-Key"));
    }
    assertEquals(0, ticketsOf(server, "13400000104").size());
  }

  /**
   * The key is being stored by a transaction that has not ended (on another instance, or behind a
   * lost connection): 409 at once, nothing stored; once it has committed, its request is the answer.
   */
  @Test
  void aKeyBeingStoredElsewhereIs409ThenThatRequest() throws Exception {
    String form = form(OPEN311_KEY, "13400000105", "道路积水严重，车辆无法通行");
    String earlier = id(post("requests.json", form(OPEN311_KEY, "13400000105", "道路积水"), UUID.randomUUID().toString()));
    String raw = UUID.randomUUID().toString();
    SubmissionKey key = SubmissionKey.scoped("open311\u0000" + OPEN311_KEY, raw, Map.of(
        "service_code", "020301", "address_string", "新华大街12号", "phone", "13400000105",
        "description", "道路积水严重，车辆无法通行"));
    try (Connection elsewhere = ClaimsElsewhere.transaction(server)) {
      ClaimsElsewhere.lock(elsewhere, key);
      ClaimsElsewhere.insert(elsewhere, key, ticketId(server, earlier), earlier, null);
      Response busy = post("requests.json", form, raw);
      assertEquals(409, busy.status(), busy.body());
      assertEquals(409, new JsonArray(busy.body()).getJsonObject(0).getInteger("code"));
      elsewhere.commit();
    }
    Response r = post("requests.json", form, raw);
    assertEquals(earlier, id(r));
    assertEquals("true", r.header("Idempotent-Replayed"));
    assertEquals(1, ticketsOf(server, "13400000105").size());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
