package org.open12345.hotline.intake.web;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.intake.IntakeTesting.*;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer.Response;
import org.open12345.hotline.testing.TestServer;

class ComplaintTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    Map<String, String> c = new HashMap<>(config());
    c.put("intake.web.submissions_per_phone_per_day", "3");
    c.put("intake.web.submissions_per_ip_per_hour", "12");
    server = TestServer.start(c, java.time.Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonObject complaint(String phone) {
    return new JsonObject().put("name", "王先生").put("phone", phone).put("request_type", "投诉")
        .put("category_code", "010201").put("location", "赛罕区大学东街88号")
        .put("description", "楼下烧烤店每晚营业到凌晨两点，油烟和噪音严重扰民");
  }

  static Response form(String body) {
    return server.send(HttpRequest.newBuilder(URI.create(server.url("/complaint")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void aJsonComplaintBecomesAWebTicketTheCitizenCanFollowWithTheCode() {
    Response r = server.postJson("/api/complaints", complaint("13500000001"));
    assertEquals(201, r.status(), r.body());
    String number = r.json().getString("number");
    String code = r.json().getString("query_code");
    assertTrue(code.matches("[A-Z2-9]{6}"), code);
    JsonObject t = ticketsOf(server, "13500000001").getJsonObject(0);
    assertEquals("WEB", t.getString("channel"));
    assertEquals(number, t.getString("number"));
    assertNotNull(ackSms(server, number));
    assertNotEquals(code, text(server, "SELECT query_code_hash FROM web_complaints"), "only a hash is stored");

    Response replied = reply(server, number, "hhht.environment", "已责令店家22点前停止营业");
    assertEquals(200, replied.status(), replied.body());

    Response view = server.get("/api/complaints/" + number + "?code=" + code.toLowerCase());
    assertEquals(200, view.status(), view.body());
    assertEquals("REPLIED", view.json().getString("status"));
    assertEquals("hhht.environment", view.json().getString("department_id"));
    assertEquals("已责令店家22点前停止营业", view.json().getJsonArray("replies").getJsonObject(0).getString("text"));
    assertFalse(view.body().contains("13500000001"), "the phone is not echoed");
  }

  @Test
  void aWrongCodeOrAnotherChannelsTicketIs404() {
    Response r = server.postJson("/api/complaints", complaint("13500000002"));
    String number = r.json().getString("number");
    Response wrong = server.get("/api/complaints/" + number + "?code=AAAAAA");
    assertEquals(404, wrong.status());
    assertEquals("not_found", wrong.json().getString("error"));
    assertEquals(404, server.get("/api/complaints/" + number).status());
    Response phoneTicket = server.postJson("/api/tickets", new JsonObject().put("citizen_phone", "13500000003")
        .put("request_type", "咨询").put("description", "电话工单"), As.OPERATOR);
    assertEquals(404, server.get("/api/complaints/" + phoneTicket.json().getString("number") + "?code=AAAAAA").status());
  }

  @Test
  void spamAndEmptyDescriptionsAreRefusedWithClearMessages() {
    Response empty = server.postJson("/api/complaints", complaint("13500000004").put("description", "  "));
    assertEquals(400, empty.status());
    assertEquals("description", empty.json().getJsonObject("details").getString("field"));
    assertTrue(empty.json().getString("message").contains("请填写诉求内容"), empty.body());
    Response tooLong = server.postJson("/api/complaints", complaint("13500000004").put("description", "很".repeat(2001)));
    assertEquals(400, tooLong.status());
    assertTrue(tooLong.json().getString("message").contains("过长"));
    Response links = server.postJson("/api/complaints", complaint("13500000004")
        .put("description", "优惠 http://a.example 和 https://b.example 还有 www.c.example"));
    assertEquals(400, links.status());
    assertTrue(links.json().getString("message").contains("链接过多"));
    Response phone = server.postJson("/api/complaints", complaint("call me"));
    assertEquals("phone", phone.json().getJsonObject("details").getString("field"));
    assertEquals(0, ticketsOf(server, "13500000004").size());
  }

  @Test
  void thePerPhoneLimitAnswers429() {
    for (int i = 0; i < 3; i++) {
      assertEquals(201, server.postJson("/api/complaints", complaint("13500000005")).status());
    }
    Response limited = server.postJson("/api/complaints", complaint("13500000005"));
    assertEquals(429, limited.status());
    assertEquals("rate_limited", limited.json().getString("error"));
    assertEquals(3, ticketsOf(server, "13500000005").size());
  }

  @Test
  void theHtmlFormWorksWithAPlainFormPost() {
    Response page = server.get("/complaint");
    assertEquals(200, page.status());
    assertTrue(page.header("Content-Type").startsWith("text/html"));
    assertTrue(page.body().contains("<form method=\"post\" action=\"/complaint\""));
    assertFalse(page.body().contains("<script"));

    Response ok = form("name=" + enc("李女士") + "&phone=13500000006&request_type=" + enc("求助") + "&location="
        + enc("新城区") + "&description=" + enc("单元门门禁坏了，老人进出不便"));
    assertEquals(200, ok.status(), ok.body());
    Matcher m = Pattern.compile("id=\"number\">(\\d+)</strong>.*id=\"code\">([A-Z2-9]{6})</strong>", Pattern.DOTALL)
        .matcher(ok.body());
    assertTrue(m.find(), ok.body());
    assertEquals(200, server.get("/api/complaints/" + m.group(1) + "?code=" + m.group(2)).status());
    assertEquals("HELP", ticketsOf(server, "13500000006").getJsonObject(0).getString("request_type"));

    Response bad = form("phone=13500000007&description=" + enc("<b>"));
    assertEquals(400, bad.status());
    assertTrue(bad.body().contains("诉求内容过短"), bad.body());
    assertTrue(bad.body().contains("&lt;b&gt;"), "the citizen's text comes back escaped");
    assertTrue(bad.body().contains("value=\"13500000007\""), "values are kept");
  }
}
