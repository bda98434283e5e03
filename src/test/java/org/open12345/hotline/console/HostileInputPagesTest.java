package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.console.ConsoleTesting.*;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * Hostile text everywhere a citizen or a colleague can type it (description, name, address, reply,
 * account and token names, the login name): every console and citizen page that shows it shows it
 * as text. A payload arriving raw in the HTML, or any {@code href}/{@code src} that a payload
 * could have made, fails the test naming the page.
 */
class HostileInputPagesTest {
  static final String SCRIPT = "<script>alert('x')</script>";
  static final String IMG = "\"><img src=x onerror=alert(1)>";
  static final String LINK = "javascript:alert(document.cookie)";
  /** One line of 4,000 characters (the longest description there is), the payloads in it. */
  static final String HOSTILE = line(SCRIPT + " " + IMG + " " + LINK + " '" + LINK + "' ", 4000);
  static final String[] OPERATOR = person("hostile.op", "OPERATOR");
  static final String[] DISPATCHER = person("hostile.disp", "DISPATCHER");
  static final String[] SUPERVISOR = person("hostile.sup", "SUPERVISOR");
  static final String[] POWER = departmentPerson("hostile.power", "hhht.power");
  static final String[] ADMIN = person("hostile.admin", "ADMIN");
  static TestServer server;
  static String routed;
  static String manual;
  static String web;
  static String webCode;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    routed = ticket(server, new JsonObject().put("citizen_phone", "13600000001")
        .put("citizen_name", "<b>张</b>" + IMG.substring(0, 30)).put("request_type", "投诉")
        .put("category_code", "020201").put("location", IMG + " " + SCRIPT + " " + LINK).put("description", HOSTILE));
    manual = ticket(server, new JsonObject().put("citizen_phone", "13600000002").put("citizen_name", SCRIPT)
        .put("request_type", "咨询").put("location", IMG).put("description", line("无法判断 " + SCRIPT + IMG, 4000)));
    Response c = server.postJson("/api/complaints", new JsonObject().put("name", "<i>王</i>" + SCRIPT)
        .put("phone", "13600000003").put("request_type", "投诉").put("location", IMG + LINK)
        .put("description", SCRIPT + " " + IMG + " 施工噪音 " + "噪".repeat(1500)));
    assertEquals(201, c.status(), c.body());
    web = c.json().getString("number");
    webCode = c.json().getString("query_code");
    // The department answers with hostile text too: it shows in the timeline and on the citizen's page.
    assertEquals(200, server.post("/api/tickets/" + routed + "/actions/sign", "", As.department("hhht.power"))
        .status());
    // A reply note holds at most 2,000 characters: one line of that length.
    Response replied = server.post("/api/tickets/" + routed + "/actions/reply",
        new JsonObject().put("note", line(SCRIPT + IMG + LINK, 2000)).encode(), As.department("hhht.power"));
    assertEquals(200, replied.status(), replied.body());
  }

  static String line(String start, int length) {
    return start + "长".repeat(length - start.length());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyStaffPageShowsHostileTextAsText() {
    shown("department queue", server.get("/console/department?tab=replied", POWER), true);
    shown("dispatch queue", server.get("/console/dispatch", DISPATCHER), false);
    shown("supervisor overdue", server.get("/console/supervisor", SUPERVISOR), false);
    shown("operator caller search", server.get("/console/operator?phone=13600000001", OPERATOR), true);
    shown("ticket page (dispatcher)", server.get("/tickets/" + routed, DISPATCHER), true);
    shown("ticket page (department)", server.get("/tickets/" + routed, POWER), true);
    shown("ticket page (manual)", server.get("/tickets/" + manual, SUPERVISOR), true);
    shown("web ticket page", server.get("/tickets/" + web, DISPATCHER), true);
    shown("figures", server.get("/console/supervisor/figures", SUPERVISOR), false);
    shown("admin users", server.get("/console/admin/users", ADMIN), false);
    shown("admin tokens", server.get("/console/admin/tokens", ADMIN), false);
    shown("admin system", server.get("/console/admin/system", ADMIN), false);
  }

  @Test
  void hostileNamesTypedIntoFormsComeBackEscaped() {
    String csrf = csrf(server, ADMIN);
    Response user = form(server, "/console/admin/users", Map.of("name", SCRIPT + IMG, "role", "OPERATOR",
        "csrf_token", csrf), ADMIN);
    assertEquals(400, user.status());
    shown("admin users refused", user, true);
    Response token = form(server, "/console/admin/tokens", Map.of("name", IMG + SCRIPT, "role", "OPERATOR",
        "csrf_token", csrf), ADMIN);
    assertEquals(400, token.status());
    shown("admin tokens refused", token, true);
    Map<String, String> login = new LinkedHashMap<>();
    login.put("username", SCRIPT + IMG);
    login.put("password", "wrong");
    shown("login refused", anonymousForm("/login", login, "text/html"), false);
  }

  @Test
  void theCitizensPagesShowHostileTextAsText() {
    Response accepted = anonymousForm("/complaint", Map.of("name", SCRIPT, "phone", "13600000004",
        "request_type", "投诉", "location", IMG, "description", IMG + " 夜间施工 " + SCRIPT), null);
    assertEquals(200, accepted.status(), accepted.body());
    shown("complaint accepted", accepted, false);
    shown("citizen status (web)", anonymousForm("/complaint/status", Map.of("number", web, "code", webCode), null),
        true);
    shown("citizen status refused", anonymousForm("/complaint/status", Map.of("number", SCRIPT + IMG,
        "code", IMG), null), true);
    shown("citizen status prefilled", server.get("/complaint/status?number="
        + URLEncoder.encode(IMG + SCRIPT, StandardCharsets.UTF_8)), true);
  }

  /**
   * No payload raw: no script element, no img element, no attribute the payload could open or
   * close, no javascript: URL in an attribute; when {@code mustShow}, the escaped text is there.
   */
  static void shown(String page, Response r, boolean mustShow) {
    String html = r.body();
    assertTrue(r.status() < 500, page + " answered " + r.status());
    assertFalse(html.contains("<script>alert"), page + ": a raw <script>");
    assertFalse(html.toLowerCase().contains("<img"), page + ": a raw <img>");
    assertFalse(html.matches("(?s).*(href|src|action)\\s*=\\s*\"?\\s*javascript:.*"), page + ": a javascript: URL");
    assertFalse(html.contains("<b>张</b>") || html.contains("<i>王</i>"), page + ": raw markup from a name");
    java.util.regex.Matcher scripts = java.util.regex.Pattern.compile("<script[^>]*>").matcher(html);
    while (scripts.find()) {
      assertTrue(scripts.group().startsWith("<script src=\"/console/"), page + ": not the server's own script file: "
          + scripts.group());
    }
    if (mustShow) {
      assertTrue(html.contains("&lt;script&gt;") || html.contains("&lt;img"), page + ": the text is shown escaped");
    }
  }

  static Response anonymousForm(String path, Map<String, String> fields, String accept) {
    String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path)))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
    if (accept != null) {
      b.header("Accept", accept);
    }
    return server.send(b);
  }
}
