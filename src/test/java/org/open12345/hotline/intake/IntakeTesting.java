package org.open12345.hotline.intake;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.open12345.hotline.notify.webhook.StandardWebhookSignature;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;

/** Shared config and direct database checks for the intake tests. */
public final class IntakeTesting {
  public static final String ALIYUN_SECRET = "aliyun-s3cret";
  public static final String TENCENT_SECRET = "tencent-s3cret";
  public static final String TWILIO_TOKEN = "12345";
  public static final String GENERIC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  public static final String VOICE_SECRET = "voice-s3cret";
  public static final String OPEN311_KEY = "open311-test-key";
  /** Twilio signs the public URL, which the server takes from http.public_base_url. */
  public static final String PUBLIC_BASE = "https://hotline.example.gov.cn";

  private IntakeTesting() {}

  public static Map<String, String> config() {
    Map<String, String> c = new HashMap<>();
    c.put("intake.sms.aliyun.secret", ALIYUN_SECRET);
    c.put("intake.sms.tencent.secret", TENCENT_SECRET);
    c.put("intake.sms.twilio.auth_token", TWILIO_TOKEN);
    c.put("intake.sms.generic.secret", GENERIC_SECRET);
    c.put("intake.voice.generic.secret", VOICE_SECRET);
    c.put("intake.voice.aliyun.secret", VOICE_SECRET);
    c.put("intake.voice.huawei.secret", VOICE_SECRET);
    c.put("intake.open311.api_keys", "other-key," + OPEN311_KEY);
    c.put("http.public_base_url", PUBLIC_BASE);
    // The supervisors' robot, so emergency alerts have somewhere to go (an unconfigured robot is
    // skipped); it points nowhere reachable, nothing here waits for its answer.
    c.put("escalation.robot_channel", "dingtalk");
    c.put("messaging.dingtalk.baseUrl", "http://127.0.0.1:9");
    c.put("messaging.dingtalk.robots.supervisors.accessToken", "test-token");
    return c;
  }

  public static long count(TestServer s, String sql, Object... args) {
    try (Connection c = connect(s); PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        st.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (Exception e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public static String text(TestServer s, String sql, Object... args) {
    try (Connection c = connect(s); PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        st.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (Exception e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public static void execute(TestServer s, String sql, Object... args) {
    try (Connection c = connect(s); PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        st.setObject(i + 1, args[i]);
      }
      st.execute();
    } catch (Exception e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static Connection connect(TestServer s) throws Exception {
    var db = s.database();
    return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
  }

  public static long ticketId(TestServer s, String number) {
    return count(s, "SELECT id FROM tickets WHERE number = ?", number);
  }

  /** The tickets of a phone, newest first, through the public API. */
  public static JsonArray ticketsOf(TestServer s, String phone) {
    return s.get("/api/tickets?phone=" + java.net.URLEncoder.encode(phone, java.nio.charset.StandardCharsets.UTF_8),
        As.DISPATCHER).json().getJsonArray("items");
  }

  /** The outbox rows of a ticket, through {@code GET /api/outbox?ticket_id=}. */
  public static JsonArray outboxOf(TestServer s, String number) {
    return s.get("/api/outbox?ticket_id=" + ticketId(s, number), As.DISPATCHER).json().getJsonArray("items");
  }

  /** A citizen's web complaint (POST /api/complaints) with the given phone and description. */
  public static JsonObject complaint(String phone, String description) {
    return new JsonObject().put("name", "王先生").put("phone", phone).put("request_type", "投诉")
        .put("location", "赛罕区大学东街88号").put("description", description);
  }

  /** Posts {@code body} to the generic SMS webhook as delivery {@code id}, signed with the test secret. */
  public static TestServer.Response genericSms(TestServer s, String body, String id) {
    long ts = Instant.now().getEpochSecond();
    String signature = StandardWebhookSignature.sign(GENERIC_SECRET, id, ts,
        body.getBytes(StandardCharsets.UTF_8));
    return s.post("/webhooks/sms/generic", body, "webhook-id", id, "webhook-timestamp", Long.toString(ts),
        "webhook-signature", signature);
  }

  /** The acknowledgement SMS of a ticket, or null. */
  public static JsonObject ackSms(TestServer s, String number) {
    for (Object o : outboxOf(s, number)) {
      JsonObject m = (JsonObject) o;
      if (("ack-sms:" + number).equals(m.getString("dedupe_key"))) {
        return m;
      }
    }
    return null;
  }

  /** Dispatches the ticket to a department, which signs for it and replies with the note. */
  public static TestServer.Response reply(TestServer s, String number, String department, String note) {
    s.post("/api/tickets/" + number + "/actions/dispatch", new JsonObject().put("department_id", department).encode(),
        "X-Hotline-Role", "DISPATCHER");
    s.post("/api/tickets/" + number + "/actions/sign", "", "X-Hotline-Role", "DEPARTMENT",
        "X-Hotline-Department", department);
    return s.post("/api/tickets/" + number + "/actions/reply", new JsonObject().put("note", note).encode(),
        "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", department);
  }
}
