package org.open12345.hotline.intake.web;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.intake.IntakeTesting.*;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.intake.IntakeTesting;
import org.open12345.hotline.intake.idempotency.ClaimsElsewhere;
import org.open12345.hotline.intake.idempotency.SubmissionKey;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * A web complaint sent again with its idempotency key (the API's {@code Idempotency-Key}, the
 * form's hidden token) after its answer was lost gets the first answer again, not a second ticket.
 */
class SubmissionKeyTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(config(), Clock.systemUTC());
  }

  static Map<String, String> config() {
    Map<String, String> c = new HashMap<>(IntakeTesting.config());
    c.put("intake.web.submissions_per_phone_per_day", "3");
    return c;
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Response submit(JsonObject complaint, String key) {
    return server.postJson("/api/complaints", complaint, "Idempotency-Key", key);
  }

  @Test
  void theSameKeyWithTheSameContentGetsTheSameTicketAndCode() {
    String key = UUID.randomUUID().toString();
    JsonObject complaint = complaint("13600000001", "小区门口的路灯坏了一个月，晚上很黑");
    Response first = submit(complaint, key);
    assertEquals(201, first.status(), first.body());
    assertNull(first.header("Idempotent-Replayed"));
    // more times than the phone's daily limit (3): a replay is not a submission
    for (int i = 0; i < 3; i++) {
      Response again = submit(complaint, i == 0 ? "\"" + key + "\"" : key);
      assertEquals(201, again.status(), again.body());
      assertEquals("true", again.header("Idempotent-Replayed"));
      assertEquals(first.json(), again.json(), "the same number and query code");
      assertEquals(first.header("Location"), again.header("Location"));
    }
    Response again = submit(complaint, key);
    assertEquals(1, ticketsOf(server, "13600000001").size());
    String number = first.json().getString("number");
    assertEquals(1, count(server, "SELECT count(*) FROM outbox WHERE dedupe_key = ?", "ack-sms:" + number),
        "one acknowledgement");
    assertTrue(ackSms(server, number).getString("text").contains(first.json().getString("query_code")),
        "the SMS carries the code the answers give");
    assertEquals(200, server.get("/api/complaints/" + number + "?code=" + again.json().getString("query_code")).status());
    assertEquals(0, count(server, "SELECT count(*) FROM web_submission_keys WHERE key_hash = ?", key),
        "the key itself is not stored");

    Response other = submit(complaint("13600000001", "小区门口的路灯坏了一个月，晚上很黑"),
        UUID.randomUUID().toString());
    assertEquals(201, other.status(), other.body());
    assertNotEquals(first.json().getString("number"), other.json().getString("number"), "a new key is a new complaint");
  }

  /**
   * Copies of a stored complaint do not use up the phone's daily limit (3): after three, the phone
   * can still make its two other complaints of the day; a copy sent once the limit is reached
   * still gets its answer, and only a new complaint past it is refused.
   */
  @Test
  void copiesDoNotCountAgainstTheLimitAndAreAnsweredPastIt() {
    String key = UUID.randomUUID().toString();
    JsonObject complaint = complaint("13600000008", "楼下餐馆油烟直排，窗户都不能开");
    String number = submit(complaint, key).json().getString("number");
    for (int i = 0; i < 3; i++) {
      assertEquals("true", submit(complaint, key).header("Idempotent-Replayed"));
    }
    for (int i = 0; i < 2; i++) {
      Response other = submit(complaint("13600000008", "楼下餐馆油烟直排，第" + (i + 2) + "次反映"),
          UUID.randomUUID().toString());
      assertEquals(201, other.status(), "a copy gave back what it took: " + other.body());
    }
    Response copy = submit(complaint, key);
    assertEquals(201, copy.status(), copy.body());
    assertEquals(number, copy.json().getString("number"));
    Response fourth = submit(complaint("13600000008", "楼下餐馆油烟直排，第四次反映"), UUID.randomUUID().toString());
    assertEquals(429, fourth.status(), fourth.body());
    assertEquals(3, ticketsOf(server, "13600000008").size());
  }

  @Test
  void aKeySentAgainWithOtherContentIs422AndStoresNothing() {
    String key = UUID.randomUUID().toString();
    assertEquals(201, submit(complaint("13600000002", "垃圾站三天没有清运，气味很大"), key).status());
    Response reused = submit(complaint("13600000002", "垃圾站三天没有清运，气味很大，蚊蝇很多"), key);
    assertEquals(422, reused.status(), reused.body());
    assertEquals("idempotency_key_reused", reused.json().getString("error"));
    assertEquals(1, ticketsOf(server, "13600000002").size());
  }

  @Test
  void aKeyThatIsNotPrintableAsciiIs400() {
    for (String bad : List.of("\"\"", " ", "a".repeat(256))) {
      Response r = submit(complaint("13600000003", "公园的健身器材损坏，存在安全隐患"), bad);
      assertEquals(400, r.status(), bad + ": " + r.body());
      assertEquals("Idempotency-Key", r.json().getJsonObject("details").getString("field"));
    }
    assertEquals(0, ticketsOf(server, "13600000003").size());
  }

  /**
   * Copies of one keyed complaint sent at once (a client retrying on its own timeout while the
   * first is still being stored), to two instances on one database: one ticket. The copies on one
   * instance wait for the first there, so they do not count against the phone's daily limit (3
   * here, against 6 copies per instance) and all get its answer; a copy that reaches the other
   * instance while the key is being stored is told so (409) and stores nothing.
   */
  @Test
  void concurrentCopiesOfOneKeyMakeOneTicket() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = complaint("13600000004", "楼道里堆满杂物，消防通道被堵").encode();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    try (TestServer other = TestServer.start(server.database(), config(), Clock.systemUTC())) {
      for (int i = 0; i < 12; i++) {
        TestServer to = i % 2 == 0 ? server : other;
        HttpRequest copy = HttpRequest.newBuilder(URI.create(to.url("/api/complaints")))
            .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json").header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        answers.add(http.sendAsync(copy, HttpResponse.BodyHandlers.ofString()));
      }
      Set<String> accepted = new HashSet<>();
      for (CompletableFuture<HttpResponse<String>> a : answers) {
        HttpResponse<String> r = a.get(90, TimeUnit.SECONDS);
        if (r.statusCode() == 409) {
          assertEquals("idempotency_key_in_use", new JsonObject(r.body()).getString("error"));
        } else {
          assertEquals(201, r.statusCode(), r.body());
          accepted.add(r.body());
        }
      }
      assertEquals(1, accepted.size(), "every accepted copy has the same answer: " + accepted);
    }
    assertEquals(1, ticketsOf(server, "13600000004").size());
    assertEquals(1, count(server, "SELECT count(*) FROM outbox WHERE recipient = ?", "13600000004"));
  }

  /**
   * Another instance is storing the key, in a transaction that has not ended (it may never end
   * by itself: its connection may be gone until PostgreSQL times it out). This one does not wait
   * on it: 409 at once, nothing stored; once that one has committed, the same request gets its
   * ticket.
   */
  @Test
  void aKeyBeingStoredElsewhereIs409AtOnceThenItsTicket() throws Exception {
    Response earlier = server.postJson("/api/complaints", complaint("13600000007", "人行道上的井盖松动，踩上去会响"));
    String number = earlier.json().getString("number");
    JsonObject complaint = complaint("13600000007", "人行道上的井盖松动，踩上去会响，晚上看不清");
    SubmissionKey key = SubmissionKey.of(UUID.randomUUID().toString(), fieldsOf(complaint));
    byte[] salt = SubmissionKey.newSalt();
    try (Connection elsewhere = ClaimsElsewhere.transaction(server)) {
      ClaimsElsewhere.lock(elsewhere, key);
      ClaimsElsewhere.insert(elsewhere, key, ticketId(server, number), number, salt);
      Response busy = submit(complaint, key.key());
      assertEquals(409, busy.status(), busy.body());
      assertEquals("idempotency_key_in_use", busy.json().getString("error"));
      Response page = form("phone=13600000007&description=" + enc("人行道上的井盖松动，踩上去会响，晚上看不清")
          + "&submission_token=" + enc(key.key()));
      assertEquals(409, page.status(), page.body());
      assertTrue(page.body().contains("仍在处理中"), page.body());
      assertEquals(key.key(), token(page.body()), "the same page again: nothing was stored with its token");
      elsewhere.commit();
    }
    Response r = submit(complaint, key.key());
    assertEquals(201, r.status(), r.body());
    assertEquals("true", r.header("Idempotent-Replayed"));
    assertEquals(number, r.json().getString("number"));
    assertEquals(key.queryCode(salt), r.json().getString("query_code"));
    assertEquals(1, ticketsOf(server, "13600000007").size());
  }

  /**
   * The key is being stored by another transaction when this request claims it (here: one that
   * commits while this one's claim meets its row): this one's ticket is rolled back and the stored
   * one is the answer.
   */
  @Test
  void aKeyStoredWhileTheClaimWaitsAnswersWithThatTicket() throws Exception {
    Response earlier = server.postJson("/api/complaints", complaint("13600000006", "公交站台的顶棚被大风刮坏了"));
    assertEquals(201, earlier.status(), earlier.body());
    String number = earlier.json().getString("number");
    JsonObject complaint = complaint("13600000006", "公交站台的顶棚被大风刮坏了，雨天没法候车");
    SubmissionKey key = SubmissionKey.of(UUID.randomUUID().toString(), fieldsOf(complaint));
    byte[] salt = SubmissionKey.newSalt();
    try (Connection elsewhere = ClaimsElsewhere.transaction(server)) {
      ClaimsElsewhere.insert(elsewhere, key, ticketId(server, number), number, salt);
      CompletableFuture<Response> answer = CompletableFuture.supplyAsync(() -> submit(complaint, key.key()));
      Await.until(() -> count(server, """
          SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()""") > 0);
      elsewhere.commit();
      Response r = answer.get(30, TimeUnit.SECONDS);
      assertEquals(201, r.status(), r.body());
      assertEquals("true", r.header("Idempotent-Replayed"));
      assertEquals(number, r.json().getString("number"));
      assertEquals(key.queryCode(salt), r.json().getString("query_code"));
    }
    assertEquals(1, ticketsOf(server, "13600000006").size(), "the waiting one's ticket was rolled back");
  }

  private static Map<String, String> fieldsOf(JsonObject complaint) {
    Map<String, String> fields = new TreeMap<>();
    complaint.forEach(e -> fields.put(e.getKey(), e.getValue().toString()));
    return fields;
  }

  @Test
  void theFormSentTwiceMakesOneTicketAndAnEditedResendIs422WithAFreshToken() {
    Response page = server.get("/complaint");
    String token = token(page.body());
    String fields = "phone=13600000005&description=" + enc("小区电梯经常停运，老人上下楼困难")
        + "&submission_token=" + enc(token);
    Response first = form(fields);
    Response again = form(fields);
    assertEquals(200, first.status(), first.body());
    assertEquals(200, again.status(), again.body());
    assertEquals(accepted(first.body()), accepted(again.body()), "the same number and code");
    assertEquals(1, ticketsOf(server, "13600000005").size());

    Response edited = form("phone=13600000005&description=" + enc("小区电梯经常停运，已经一个星期了")
        + "&submission_token=" + enc(token));
    assertEquals(422, edited.status(), edited.body());
    assertTrue(edited.body().contains("此页面已提交过一份诉求"), edited.body());
    assertNotEquals(token, token(edited.body()), "sending the edited page again is a new complaint");
    assertEquals(1, ticketsOf(server, "13600000005").size());

    Response refused = form("phone=13600000005&description=" + enc("短") + "&submission_token=" + enc("page-1"));
    assertEquals(400, refused.status());
    assertEquals("page-1", token(refused.body()), "a refused form keeps its token: nothing was stored with it");
  }

  private static Response form(String body) {
    return server.send(HttpRequest.newBuilder(URI.create(server.url("/complaint")))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String token(String page) {
    Matcher m = Pattern.compile("name=\"submission_token\" value=\"([^\"]+)\"").matcher(page);
    assertTrue(m.find(), page);
    return m.group(1);
  }

  private static String accepted(String page) {
    Matcher m = Pattern.compile("id=\"number\">(\\d+)</strong>.*id=\"code\">([A-Z2-9]{6})</strong>", Pattern.DOTALL)
        .matcher(page);
    assertTrue(m.find(), page);
    return m.group(1) + "/" + m.group(2);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
