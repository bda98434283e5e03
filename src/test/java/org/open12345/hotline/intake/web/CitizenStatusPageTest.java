package org.open12345.hotline.intake.web;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.intake.IntakeTesting;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * The citizen's status page and web rating over HTTP: number and query code show the state and the
 * replies; a wrong code reads exactly like an unknown number; lookups are rate-limited like the API;
 * once concluded, the five levels are offered once.
 */
class CitizenStatusPageTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("intake.web.lookups_per_ip_per_hour", "40"), java.time.Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theFormAnswerLinksToTheStatusPageWhichShowsStateAndReplies() {
    Response accepted = form("/complaint", Map.of("phone", "13900000501", "request_type", "投诉",
        "location", "赛罕区大学东街88号", "description", "工地夜间施工噪音扰民到凌晨"));
    assertEquals(200, accepted.status());
    String number = between(accepted.body(), "<strong id=\"number\">", "<");
    String code = between(accepted.body(), "<strong id=\"code\">", "<");
    assertTrue(accepted.body().contains("href=\"/complaint/status?number=" + number + "\""), accepted.body());

    Response empty = server.get("/complaint/status?number=" + number);
    assertEquals(200, empty.status());
    assertTrue(empty.body().contains("value=\"" + number + "\""), "the number comes filled in");
    assertTrue(empty.header("Content-Security-Policy").startsWith("default-src 'none'"));
    assertFalse(empty.header("Content-Security-Policy").contains("unsafe-inline"));

    Response status = form("/complaint/status", Map.of("number", number, "code", code));
    assertEquals(200, status.status(), status.body());
    assertTrue(status.body().contains("<strong class=\"status\" id=\"status\">"), status.body());
    assertTrue(status.body().contains("工地夜间施工噪音扰民到凌晨"));
    assertTrue(status.body().contains("id=\"no-replies\""));
    assertFalse(status.body().contains("id=\"rating\""), "no rating before the ticket is concluded");
    assertEquals("no-store", status.header("Cache-Control"));

    assertEquals(200, IntakeTesting.reply(server, number, "hhht.environment", "已责令工地夜间停工").status());
    Response replied = form("/complaint/status", Map.of("number", number, "code", code));
    assertTrue(replied.body().contains("已责令工地夜间停工"), replied.body());
  }

  @Test
  void aWrongCodeReadsExactlyLikeAnUnknownNumber() {
    JsonObject c = complaint("13900000502");
    String number = c.getString("number");
    Response wrongCode = form("/complaint/status", Map.of("number", number, "code", "AAAAAA"));
    Response unknown = form("/complaint/status", Map.of("number", "20200101999999", "code", "AAAAAA"));
    assertEquals(404, wrongCode.status());
    assertEquals(404, unknown.status());
    assertEquals(unknown.body().replace("20200101999999", "N"), wrongCode.body().replace(number, "N"));
    Response rating = form("/complaint/rating", Map.of("number", number, "code", "AAAAAA", "level", "SATISFIED"));
    assertEquals(404, rating.status());
  }

  @Test
  void theConcludedComplaintIsRatedOnceWithFiveLevels() {
    JsonObject c = complaint("13900000503");
    String number = c.getString("number");
    String code = c.getString("query_code");
    IntakeTesting.reply(server, number, "hhht.environment", "已处理");
    assertEquals(200, server.post("/api/tickets/" + number + "/actions/close", "", As.DISPATCHER).status());
    Response page = form("/complaint/status", Map.of("number", number, "code", code));
    assertTrue(page.body().contains("id=\"rating\""), page.body());
    for (String label : new String[] {"非常满意", "满意", "基本满意", "不满意", "非常不满意"}) {
      assertTrue(page.body().contains(">" + label + "</label>"), label);
    }
    Response none = form("/complaint/rating", Map.of("number", number, "code", code, "comment", "没选"));
    assertEquals(400, none.status());
    assertTrue(none.body().contains(">没选</textarea>"), "the comment typed stays");
    Response rated = form("/complaint/rating", Map.of("number", number, "code", code, "level", "DISSATISFIED",
        "comment", "晚上还在施工"));
    assertEquals(200, rated.status(), rated.body());
    assertTrue(rated.body().contains("<p id=\"rated\">不满意</p>"), rated.body());
    assertTrue(rated.body().contains("感谢您的评价"));
    JsonObject stored = server.get("/api/tickets/" + number + "/ratings", As.DISPATCHER).json()
        .getJsonArray("ratings").getJsonObject(0);
    assertEquals("web", stored.getString("source"));
    assertEquals("晚上还在施工", stored.getString("comment"));
    Response again = form("/complaint/rating", Map.of("number", number, "code", code, "level", "SATISFIED"));
    assertEquals(409, again.status());
    assertTrue(again.body().contains("您已评价过"), again.body());
  }

  @Test
  void lookupsAreRateLimitedLikeTheApi() {
    TestServer own = TestServer.start(Map.of("intake.web.lookups_per_ip_per_hour", "2"), java.time.Clock.systemUTC());
    try {
      Response last = null;
      for (int i = 0; i < 3; i++) {
        last = send(own, "/complaint/status", Map.of("number", "20200101999999", "code", "AAAAAA"));
      }
      assertEquals(429, last.status());
      assertTrue(last.body().contains("查询过于频繁"), last.body());
    } finally {
      own.close();
    }
  }

  static JsonObject complaint(String phone) {
    Response r = server.postJson("/api/complaints", new JsonObject().put("phone", phone).put("request_type", "投诉")
        .put("location", "赛罕区大学东街88号").put("description", "工地夜间施工噪音扰民到凌晨"));
    assertEquals(201, r.status(), r.body());
    return r.json();
  }

  static Response form(String path, Map<String, String> fields) {
    return send(server, path, fields);
  }

  static Response send(TestServer s, String path, Map<String, String> fields) {
    String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return s.send(HttpRequest.newBuilder(URI.create(s.url(path)))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  static String between(String text, String start, String end) {
    int a = text.indexOf(start);
    assertTrue(a >= 0, start + " in " + text);
    int from = a + start.length();
    return text.substring(from, text.indexOf(end, from));
  }
}
