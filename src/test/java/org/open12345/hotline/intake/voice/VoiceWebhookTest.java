package org.open12345.hotline.intake.voice;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.intake.IntakeTesting.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.intake.Payloads;
import org.open12345.hotline.intake.WebhookGuards;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer.Response;
import org.open12345.hotline.testing.TestServer;

class VoiceWebhookTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(config(), java.time.Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Response post(String provider, String body) {
    Response r = server.post("/webhooks/voice/" + provider, body, WebhookGuards.HEADER, VOICE_SECRET);
    assertEquals(200, r.status(), r.body());
    return r;
  }

  static String callOutcome(String callId) {
    return text(server, "SELECT outcome FROM calls WHERE call_id = ?", callId);
  }

  @Test
  void aVoicemailBecomesAPhoneTicketWithAnAckSms() {
    String body = Payloads.read("voice/generic-cti-voicemail.json");
    assertEquals("{}", post("generic", body).body());
    post("generic", body);
    JsonArray tickets = ticketsOf(server, "13800138000");
    assertEquals(1, tickets.size(), "a retried event makes one ticket");
    JsonObject t = tickets.getJsonObject(0);
    assertEquals("PHONE", t.getString("channel"));
    assertEquals("vm-20240501-0001", t.getString("call_id"));
    assertEquals("12345", t.getString("hotline_number"));
    assertTrue(t.getString("description").startsWith("我是幸福小区3号楼的住户"));
    assertNotNull(ackSms(server, t.getString("number")));
    assertEquals("VOICEMAIL_TICKET", callOutcome("vm-20240501-0001"));
    assertEquals(1, count(server, "SELECT count(*) FROM call_events WHERE call_id = 'vm-20240501-0001'"));
  }

  @Test
  void anAbandonedCallBecomesACallbackTaskAnOperatorCloses() {
    String form = Payloads.read("voice/generic-cti-hangup.form").replace("493023125741", "13600000001");
    Response r = server.send(HttpRequest.newBuilder(URI.create(server.url("/webhooks/voice/generic?secret=" + VOICE_SECRET)))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    assertEquals(200, r.status(), r.body());
    assertEquals("CALLBACK_TASK", callOutcome("2d77882f-68df-40f0-8c62-b642589c00bc"));
    assertEquals(0, ticketsOf(server, "13600000001").size());

    JsonArray open = server.get("/api/callback-tasks?status=open", As.OPERATOR).json().getJsonArray("items");
    JsonObject task = open.stream().map(o -> (JsonObject) o).filter(o -> "13600000001".equals(o.getString("phone")))
        .findFirst().orElseThrow();
    JsonObject pop = server.get("/api/callers/13600000001", As.OPERATOR).json();
    assertEquals(1, pop.getJsonArray("calls").size());
    assertEquals(1, pop.getJsonArray("callback_tasks").size());

    Response done = server.post("/api/callback-tasks/" + task.getLong("id") + "/done", "{\"note\":\"已回拨，市民已说明\"}",
        "X-Hotline-User", "op7");
    assertEquals(200, done.status(), done.body());
    assertEquals("done", done.json().getString("status"));
    assertEquals("op7", done.json().getString("done_by"));
    assertEquals(409, server.post("/api/callback-tasks/" + task.getLong("id") + "/done", "", As.OPERATOR).status());
    assertEquals(404, server.post("/api/callback-tasks/999999/done", "", As.OPERATOR).status());
    assertEquals(0, server.get("/api/callers/13600000001", As.OPERATOR).json().getJsonArray("callback_tasks").size());
  }

  @Test
  void keypadDigitsAfterAnAnsweredCallRateTheCallAndTheOperatorsTicket() {
    post("generic", Payloads.read("voice/generic-cti-newcall.json"));
    post("generic", Payloads.read("voice/generic-cti-answer.json"));
    // The operator records the ticket during the call, linked by callId.
    Response op = server.postJson("/api/tickets", new JsonObject().put("citizen_phone", "493023125741")
        .put("request_type", "咨询").put("description", "咨询社保卡补办").put("call_id",
            "307fa962-de8d-4ffc-817b-7f6993204159"), As.OPERATOR);
    assertEquals(201, op.status(), op.body());
    post("generic", Payloads.read("voice/generic-cti-hangup.json"));
    assertEquals("ANSWERED", callOutcome("307fa962-de8d-4ffc-817b-7f6993204159"));
    post("generic", Payloads.read("voice/generic-cti-rating.json"));
    assertEquals("CALL_RATING", callOutcome("307fa962-de8d-4ffc-817b-7f6993204159"));
    assertEquals("SATISFIED", text(server, "SELECT level FROM ratings WHERE source = 'keypad' AND status = 'counted' "
        + "AND call_pk = (SELECT id FROM calls WHERE call_id = '307fa962-de8d-4ffc-817b-7f6993204159')"));
    post("generic", Payloads.read("voice/generic-cti-rating.json"));
    assertEquals(1, count(server, "SELECT count(*) FROM ratings WHERE source = 'keypad' AND call_pk = "
        + "(SELECT id FROM calls WHERE call_id = '307fa962-de8d-4ffc-817b-7f6993204159')"), "one rating per call");
    String number = op.json().getString("number");
    assertTrue(server.get("/api/tickets/" + number, As.DISPATCHER).json().getJsonArray("timeline").stream()
        .anyMatch(e -> "RATE".equals(((JsonObject) e).getString("action"))));
    assertEquals(1, ticketsOf(server, "493023125741").size(), "an answered call makes no ticket by itself");
    JsonObject pop = server.get("/api/callers/493023125741", As.OPERATOR).json();
    assertEquals(number, pop.getJsonArray("calls").getJsonObject(0).getString("ticket_number"));
    assertEquals(number, pop.getJsonArray("tickets").getJsonObject(0).getString("number"));
  }

  @Test
  void anEmergencyInATranscriptIsTransferredNotTicketed() {
    String body = new JsonObject().put("event", "hangup").put("from", "13600000002").put("to", "12345")
        .put("direction", "in").put("callId", "emergency-1").put("cause", "normalClearing")
        .put("transcript", "快来人，我家隔壁着火了，烟很大").encode();
    post("generic", body);
    post("generic", body);
    assertEquals(0, ticketsOf(server, "13600000002").size());
    assertEquals(1, count(server, "SELECT count(*) FROM emergency_transfers WHERE phone = '13600000002'"));
    assertEquals("119", text(server, "SELECT number FROM emergency_transfers WHERE phone = '13600000002'"));
    assertEquals(1, count(server, "SELECT count(*) FROM outbox WHERE kind = 'emergency-transfer' "
        + "AND text_body LIKE '%emergency-1%'"));
  }

  @Test
  void aliyunAndHuaweiReportsAreLogged() {
    Response a = post("aliyun", Payloads.read("voice/aliyun-voicereport.json"));
    assertEquals("{\"code\":0,\"msg\":\"接收成功\"}", a.body());
    assertEquals("ANSWERED", callOutcome("116012354148^10281378****"));
    assertEquals("CALLBACK_TASK", callOutcome("116012354148^10281379****"));
    assertEquals(1, count(server, "SELECT count(*) FROM callback_tasks WHERE phone = '13900002222'"));
    Response h = post("huawei", Payloads.read("voice/huawei-release.json"));
    assertEquals("{\"retCode\":\"0\",\"retMsg\":\"success\"}", h.body());
    assertEquals("ANSWERED", callOutcome("1197765398201387012"));
    assertEquals("Y:/0/20220222/49999/1004332.V3", text(server,
        "SELECT recording_url FROM calls WHERE call_id = '1197765398201387012'"));
  }

  @Test
  void malformedOrUnauthorisedEventsStoreOnlyAReject() {
    long calls = count(server, "SELECT count(*) FROM calls");
    Response bad = server.post("/webhooks/voice/generic", "{\"event\":\"explode\",\"callId\":\"x\"}",
        WebhookGuards.HEADER, VOICE_SECRET);
    assertEquals(400, bad.status());
    assertEquals("event", bad.json().getJsonObject("details").getString("field"));
    assertEquals(400, server.post("/webhooks/voice/huawei", "{\"called\":\"1\"}", WebhookGuards.HEADER, VOICE_SECRET)
        .status());
    assertEquals(400, server.post("/webhooks/voice/aliyun", "{}", WebhookGuards.HEADER, VOICE_SECRET).status());
    assertEquals(403, server.post("/webhooks/voice/generic", Payloads.read("voice/generic-cti-newcall.json")).status());
    assertEquals(calls, count(server, "SELECT count(*) FROM calls"));
    assertEquals(3, count(server, "SELECT count(*) FROM inbound_rejects WHERE channel = 'voice'"));
  }
}
