package org.open12345.hotline.intake;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.intake.IntakeTesting.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/** Emergencies are readable (GET /api/emergency-transfers) and every alert says what really happened. */
class EmergencyAlertsTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(config(), java.time.Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String outboxText(String kind, String recipientOrLike) {
    return text(server, "SELECT text_body FROM outbox WHERE kind = ? AND (recipient = ? OR text_body LIKE ?) "
        + "ORDER BY id DESC LIMIT 1", kind, recipientOrLike, "%" + recipientOrLike + "%");
  }

  @Test
  void anSmsEmergencyTellsTheCitizenToCallAndTheAlertSaysNobodyWasTransferred() {
    String body = "[{\"phone_number\":\"13800000031\",\"content\":\"3号楼着火了，快来人\","
        + "\"send_time\":\"2024-05-01 08:00:00\",\"sequence_id\":\"em-sms-1\"}]";
    assertEquals(200, server.post("/webhooks/sms/aliyun", body, WebhookGuards.HEADER, ALIYUN_SECRET).status());

    String advice = outboxText("emergency-advice", "13800000031");
    assertNotNull(advice);
    assertTrue(advice.contains("请立即拨打119"), advice);
    assertEquals("false", text(server, "SELECT to_citizen::text FROM outbox WHERE kind = 'emergency-advice' "
        + "AND recipient = '13800000031'"), "no quiet hours for an emergency");
    String alert = outboxText("emergency-transfer", "13800000031");
    assertTrue(alert.contains("系统未转接") && alert.contains("已短信提示市民立即拨打119"), alert);
    assertFalse(alert.contains("来电已转"), alert);

    Response list = server.get("/api/emergency-transfers?channel=sms", As.DISPATCHER);
    assertEquals(200, list.status(), list.body());
    JsonObject item = find(list.json().getJsonArray("items"), "13800000031");
    assertEquals("sms", item.getString("channel"));
    assertEquals("着火", item.getString("matched_word"));
    assertEquals("119", item.getString("number_advised"));
    assertTrue(item.getString("handling").contains("已短信提示"), item.getString("handling"));
    assertNotNull(item.getString("created_at"));
  }

  @Test
  void aCallTranscriptEmergencyAsksForACallBack() {
    String body = new JsonObject().put("event", "hangup").put("from", "13600000032").put("to", "12345")
        .put("direction", "in").put("callId", "em-call-1").put("cause", "normalClearing")
        .put("transcript", "我爸突然昏迷了，叫不醒").encode();
    assertEquals(200, server.post("/webhooks/voice/generic", body, WebhookGuards.HEADER, VOICE_SECRET).status());
    String alert = outboxText("emergency-transfer", "em-call-1");
    assertTrue(alert.contains("通话转写") && alert.contains("系统未转接") && alert.contains("回拨"), alert);
    assertEquals(0, count(server, "SELECT count(*) FROM outbox WHERE kind = 'emergency-advice' "
        + "AND recipient = '13600000032'"), "a caller is called back, not texted");
    JsonObject item = find(server.get("/api/emergency-transfers?number=120", As.OPERATOR).json().getJsonArray("items"),
        "13600000032");
    assertEquals("call", item.getString("channel"));
    assertEquals("em-call-1", item.getString("reference"));
    assertEquals("昏迷", item.getString("matched_word"));
  }

  @Test
  void badFiltersAreRefused() {
    assertEquals(400, server.get("/api/emergency-transfers?number=999", As.DISPATCHER).status());
    assertEquals(400, server.get("/api/emergency-transfers?channel=fax", As.DISPATCHER).status());
    assertEquals(400, server.get("/api/emergency-transfers?from=yesterday", As.DISPATCHER).status());
    assertEquals(403, server.get("/api/emergency-transfers", As.department("hhht.power")).status(),
        "citizens' phones and texts are the centre's");
  }

  private static JsonObject find(JsonArray items, String phone) {
    return items.stream().map(o -> (JsonObject) o).filter(i -> phone.equals(i.getString("phone"))).findFirst()
        .orElseThrow(() -> new AssertionError(items.encodePrettily()));
  }
}
