package org.open12345.hotline.intake.web;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.intake.IntakeTesting.*;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * A web complaint naming an emergency: the citizen is told at once to call the number (JSON and
 * answer page), the ticket is recorded all the same, and the operators are alerted like for an SMS.
 */
class WebEmergencyTest {
  static final String KNIFE = "有人拿着刀在街上追人";
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(config(), java.time.Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonObject complaint(String phone, String description) {
    return new JsonObject().put("phone", phone).put("request_type", "求助").put("location", "新城区中山路")
        .put("description", description);
  }

  static Response form(String phone, String description) {
    String body = "phone=" + phone + "&request_type=" + enc("求助") + "&description=" + enc(description);
    return server.send(HttpRequest.newBuilder(URI.create(server.url("/complaint")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static JsonObject transferOf(String phone) {
    Response list = server.get("/api/emergency-transfers?channel=web", As.DISPATCHER);
    assertEquals(200, list.status(), list.body());
    return list.json().getJsonArray("items").stream().map(o -> (JsonObject) o)
        .filter(i -> phone.equals(i.getString("phone"))).findFirst()
        .orElseThrow(() -> new AssertionError(list.body()));
  }

  @Test
  void aJsonComplaintNamingAKnifeAttackAdvises110AndAlertsTheOperators() {
    Response r = server.postJson("/api/complaints", complaint("13500000301", KNIFE));
    assertEquals(201, r.status(), r.body());
    String number = r.json().getString("number");
    JsonObject emergency = r.json().getJsonObject("emergency");
    assertNotNull(emergency, r.body());
    assertEquals("110", emergency.getString("number"));
    assertTrue(emergency.getString("advice").contains("请立即拨打110报警"), emergency.getString("advice"));
    assertEquals(number, ticketsOf(server, "13500000301").getJsonObject(0).getString("number"),
        "the ticket is recorded all the same");

    JsonObject transfer = transferOf("13500000301");
    assertEquals("web", transfer.getString("channel"));
    assertEquals("110", transfer.getString("number_advised"));
    assertEquals(number, transfer.getString("reference"));
    assertTrue(transfer.getString("handling").contains("页面提示市民立即拨打110"), transfer.getString("handling"));

    String alert = text(server, "SELECT text_body FROM outbox WHERE kind = 'emergency-transfer' AND text_body LIKE ? "
        + "ORDER BY id DESC LIMIT 1", "%" + number + "%");
    assertNotNull(alert, "the operators are alerted through the outbox");
    assertTrue(alert.contains("系统未转接") && alert.contains("提交页面提示市民立即拨打110"), alert);
    assertEquals(0, count(server, "SELECT count(*) FROM outbox WHERE kind = 'emergency-advice' AND recipient = ?",
        "13500000301"), "the page told the citizen; no second advice by SMS");
  }

  @Test
  void theFormAnswerPageShowsTheAdviceFirst() {
    Response r = form("13500000302", KNIFE);
    assertEquals(200, r.status(), r.body());
    assertTrue(r.body().contains("id=\"emergency\" role=\"alert\""), r.body());
    assertTrue(r.body().contains("您反映的情况可能涉及人身安全，请立即拨打110报警。"), r.body());
    assertTrue(r.body().indexOf("请立即拨打110") < r.body().indexOf("您的诉求已受理"), "the advice comes first");
    assertTrue(r.body().contains("id=\"number\""), "the ticket is recorded all the same");
    assertEquals("110", transferOf("13500000302").getString("number_advised"));
  }

  @Test
  void anOrdinaryComplaintShowsNoAdviceAndRecordsNoTransfer() {
    Response json = server.postJson("/api/complaints", complaint("13500000303", "小区暖气不热，室温只有15度"));
    assertEquals(201, json.status(), json.body());
    assertFalse(json.json().containsKey("emergency"), json.body());
    Response page = form("13500000304", "单元门门禁坏了，老人进出不便");
    assertEquals(200, page.status(), page.body());
    assertFalse(page.body().contains("id=\"emergency\""), page.body());
    assertFalse(page.body().contains("请立即拨打"), page.body());
    assertEquals(0, count(server, "SELECT count(*) FROM emergency_transfers WHERE phone IN (?, ?)",
        "13500000303", "13500000304"));
  }
}
