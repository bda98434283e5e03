package org.open12345.hotline.intake;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.intake.IntakeTesting.*;

import io.vertx.core.json.JsonObject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/** Status for every citizen (issue 12 item 11): the acknowledgement SMS carries a query code that works. */
class QueryCodeForEveryCitizenTest {
  static final Pattern CODE = Pattern.compile("查询码：([A-Z2-9]{6})");
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(config(), java.time.Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String codeIn(JsonObject ack) {
    assertNotNull(ack, "an acknowledgement SMS");
    Matcher m = CODE.matcher(ack.getString("text"));
    assertTrue(m.find(), ack.getString("text"));
    return m.group(1);
  }

  @Test
  void aTextingCitizenLooksTheTicketUpWithTheCodeFromTheAcknowledgement() {
    String body = "[{\"phone_number\":\"13400000001\",\"content\":\"我家楼下的路灯坏了一个星期了，晚上很黑\","
        + "\"send_time\":\"2024-05-01 08:00:00\",\"sequence_id\":\"qc-1\"}]";
    assertEquals(200, server.post("/webhooks/sms/aliyun", body, WebhookGuards.HEADER, ALIYUN_SECRET).status());
    String number = ticketsOf(server, "13400000001").getJsonObject(0).getString("number");
    String code = codeIn(ackSms(server, number));
    Response view = server.get("/api/complaints/" + number + "?code=" + code);
    assertEquals(200, view.status(), view.body());
    assertEquals(number, view.json().getString("number"));
    assertEquals(404, server.get("/api/complaints/" + number + "?code=" + (code.equals("AAAAAA") ? "BBBBBB" : "AAAAAA"))
        .status());
  }

  @Test
  void aCallerWhoseTicketAnOperatorRecordedGetsTheCodeToo() {
    Response r = server.postJson("/api/tickets", new JsonObject().put("citizen_phone", "13400000002")
        .put("request_type", "投诉").put("description", "小区噪音扰民"), As.OPERATOR);
    String number = r.json().getString("number");
    String code = codeIn(ackSms(server, number));
    assertEquals(200, server.get("/api/complaints/" + number + "?code=" + code).status());
  }

  @Test
  void aVoicemailTicketIsAcknowledgedWithItsCode() {
    String body = Payloads.read("voice/generic-cti-voicemail.json").replace("+86 138 0013 8000", "13400000003");
    assertEquals(200, server.post("/webhooks/voice/generic", body, WebhookGuards.HEADER, VOICE_SECRET).status());
    String number = ticketsOf(server, "13400000003").getJsonObject(0).getString("number");
    assertEquals(200, server.get("/api/complaints/" + number + "?code=" + codeIn(ackSms(server, number))).status());
  }

  @Test
  void aDirectAnswerIsNotAcknowledgedButRated() {
    Response r = server.postJson("/api/tickets", new JsonObject().put("citizen_phone", "13400000004")
        .put("request_type", "咨询").put("description", "公积金怎么提取").put("answered_on_spot", true)
        .put("answer", "告知线上提取流程"), As.OPERATOR);
    String number = r.json().getString("number");
    assertNull(ackSms(server, number));
    assertEquals(1, count(server, "SELECT count(*) FROM rating_prompts WHERE phone = '13400000004'"));
  }
}
