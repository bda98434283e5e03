package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.console.ConsoleTesting.*;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/** {@code /tickets/{number}}: the page every notice links to, for every staff role, scoped and masked. */
class ConsoleTicketPageTest {
  static final String[] DISPATCHER = person("wang.pd", "DISPATCHER");
  static final String[] POWER = departmentPerson("li.power", "hhht.power");
  static final String[] WATER = departmentPerson("zhou.water", "hhht.water");
  static TestServer server;
  static String number;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    number = ticket(server, powerCut("13200000001", "停电三小时 <script>alert(1)</script> \"><img src=x onerror=alert(2)>"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aDispatcherReadsTheTicketItsDeadlinesAndTimelineWithTheCitizensTextEscaped() {
    Response page = server.get("/tickets/" + number, DISPATCHER);
    assertEquals(200, page.status(), page.body());
    assertTrue(page.header("Content-Type").startsWith("text/html"));
    String html = page.body();
    assertTrue(html.contains("工单 <span id=\"number\">" + number), "its number");
    assertTrue(html.contains("内蒙古电力集团呼和浩特供电分公司"), "its department by name");
    assertTrue(html.contains("<td>派单</td>"), "its timeline");
    assertTrue(html.contains("签收") && html.contains("剩余"), "the sign deadline counts down: " + html);
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the citizen's text is escaped");
    assertTrue(html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
    assertFalse(html.contains("<script>alert") || html.contains("<img src=x"));
    assertTrue(html.contains("13200000001") && html.contains("赵先生"), "the centre sees the requester in clear");
    assertTrue(html.contains("id=\"user-menu\"") && html.contains("派单员"), "the user menu with the role");
  }

  @Test
  void aMergedTicketAndItsMasterLinkToEachOther() {
    String master = ticket(server, powerCut("13200000011", "小区停电"));
    String merged = ticket(server, powerCut("13200000012", "小区又停电了"));
    Response done = server.postJson("/api/tickets/" + merged + "/actions/merge",
        new JsonObject().put("master_number", master).put("note", "同一停电事件"), As.DISPATCHER);
    assertEquals(200, done.status(), done.body());
    String mergedPage = server.get("/tickets/" + merged, DISPATCHER).body();
    assertTrue(mergedPage.contains("id=\"merged-into\"><a href=\"/tickets/" + master + "\">"), mergedPage);
    String masterPage = server.get("/tickets/" + master, DISPATCHER).body();
    assertTrue(masterPage.contains("<a href=\"/tickets/" + merged + "\">"), masterPage);
  }

  @Test
  void thePageRunsOnlyTheServersOwnScriptsAndIsNeverFramedOrCached() {
    Response page = server.get("/tickets/" + number, DISPATCHER);
    String csp = page.header("Content-Security-Policy");
    assertTrue(csp.contains("script-src 'self'"), csp);
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
    assertEquals("nosniff", page.header("X-Content-Type-Options"));
    assertEquals("no-store", page.header("Cache-Control"));
    assertFalse(page.body().matches("(?s).*<script>.*|.*<script(?![^>]*src=)[^>]*>.*"), "no inline script");
    assertFalse(page.body().contains(" style=\""), "no inline style");
    Response htmx = server.get("/console/assets/htmx.org/2.0.4/dist/htmx.min.js");
    assertEquals(200, htmx.status(), "htmx is served by the server itself");
    assertEquals("nosniff", htmx.header("X-Content-Type-Options"));
    assertEquals(200, server.get("/console/static/console.js").status());
    assertEquals(200, server.get("/console/static/console.css").status());
  }

  @Test
  void withoutASessionThePageAsksForLoginAndComesBack() {
    Response anonymous = server.get("/tickets/" + number);
    assertEquals(303, anonymous.status());
    assertEquals("/login?next=%2Ftickets%2F" + number, anonymous.header("Location"));
    assertFalse(anonymous.body().contains("停电三小时"), "nothing of the ticket is shown");
    Response admin = server.get("/tickets/" + number, person("admin.zhang", "ADMIN"));
    assertEquals(403, admin.status(), "an administrator sees no tickets");
    assertFalse(admin.body().contains("停电三小时"));
  }

  @Test
  void aDepartmentSeesItsOwnTicketsAndOthersAnswerLikeMissingOnes() {
    assertEquals(200, server.get("/tickets/" + number, POWER).status());
    Response other = server.get("/tickets/" + number, WATER);
    assertEquals(404, other.status());
    assertFalse(other.body().contains("停电三小时"));
    Response missing = server.get("/tickets/20990101000001", WATER);
    assertEquals(404, missing.status());
    assertEquals(other.body().replace(number, "X"), missing.body().replace("20990101000001", "X"), "the same answer");
  }

  @Test
  void aConfidentialRequesterIsMaskedForTheDepartmentOnly() {
    String secret = ticket(server, powerCut("13800138000", "家里停电，我是赵先生，电话13800138000").put("confidential", true));
    String forDepartment = server.get("/tickets/" + secret, POWER).body();
    assertFalse(forDepartment.contains("13800138000"), "the phone nowhere, not even in the text");
    assertTrue(forDepartment.contains("138****8000"));
    assertTrue(forDepartment.contains("id=\"masked-hint\""));
    String forCentre = server.get("/tickets/" + secret, DISPATCHER).body();
    assertTrue(forCentre.contains("13800138000"));
  }

  @Test
  void theDepartmentSignsWithTheFormAndAFormWithoutTheTokenChangesNothing() {
    String t = ticket(server, powerCut("13200000002", "路灯不亮"));
    String page = server.get("/tickets/" + t, POWER).body();
    assertTrue(page.contains("id=\"form-sign\"") && page.contains("id=\"form-return\""), "its own actions");
    assertFalse(page.contains("id=\"form-dispatch\""), "not the centre's");
    assertFalse(server.get("/tickets/" + t, DISPATCHER).body().contains("id=\"form-sign\""));

    Response forged = form(server, "/tickets/" + t + "/actions/sign", Map.of("note", "x"), POWER);
    assertEquals(403, forged.status());
    assertEquals("DISPATCHED", server.get("/api/tickets/" + t, As.DISPATCHER).json().getString("status"));

    Response signed = form(server, "/tickets/" + t + "/actions/sign",
        Map.of("csrf_token", csrf(server, POWER), "note", "已安排"), POWER);
    assertEquals(303, signed.status(), signed.body());
    assertEquals("/tickets/" + t + "?done=SIGN", signed.header("Location"));
    JsonObject after = server.get("/api/tickets/" + t, As.DISPATCHER).json();
    assertEquals("SIGNED", after.getString("status"));
    assertEquals("li.power", after.getJsonArray("timeline").getJsonObject(after.getJsonArray("timeline").size() - 1)
        .getString("actor"), "the event names the signed-in person");
    assertTrue(server.get("/tickets/" + t + "?done=SIGN", POWER).body().contains("已签收。"));
  }

  @Test
  void aRefusedFormComesBackWithAChineseReasonAndWhatWasTyped() {
    String t = ticket(server, powerCut("13200000003", "电压不稳"));
    // Replying before signing: the state machine refuses; the answer text is kept.
    Response refused = form(server, "/tickets/" + t + "/actions/reply",
        Map.of("csrf_token", csrf(server, POWER), "note", "已派人检修<b>"), POWER);
    assertEquals(409, refused.status(), refused.body());
    assertTrue(refused.body().contains("id=\"error\""));
    assertEquals("DISPATCHED", server.get("/api/tickets/" + t, As.DISPATCHER).json().getString("status"));
  }

  @Test
  void anotherDepartmentsFormAnswersLikeAMissingTicket() {
    String t = ticket(server, powerCut("13200000004", "停电"));
    Response r = form(server, "/tickets/" + t + "/actions/sign", Map.of("csrf_token", csrf(server, WATER)), WATER);
    assertEquals(404, r.status());
    assertEquals("DISPATCHED", server.get("/api/tickets/" + t, As.DISPATCHER).json().getString("status"));
  }

  @Test
  void theDepartmentAsksForMoreTimeAndTheCentreDecidesOnThePage() {
    String t = ticket(server, powerCut("13200000005", "变压器需要更换"));
    assertTrue(server.get("/tickets/" + t, POWER).body().contains("id=\"form-extension\""));
    assertFalse(server.get("/tickets/" + t, DISPATCHER).body().contains("id=\"form-extension\""));

    Response asked = form(server, "/tickets/" + t + "/extension", Map.of("csrf_token", csrf(server, POWER),
        "span", "5wd", "reason", "需等待设备到货 <i>"), POWER);
    assertEquals(303, asked.status(), asked.body());
    assertEquals("/tickets/" + t + "?done=extension", asked.header("Location"));
    String centre = server.get("/tickets/" + t, DISPATCHER).body();
    assertTrue(centre.contains("需等待设备到货 &lt;i&gt;") && centre.contains("待审核"), centre);
    String id = centre.replaceAll("(?s).*id=\"approve-extension-(\\d+)\".*", "$1");

    Response approved = form(server, "/tickets/" + t + "/extensions/" + id + "/approve",
        Map.of("csrf_token", csrf(server, DISPATCHER)), DISPATCHER);
    assertEquals(303, approved.status(), approved.body());
    JsonObject view = server.get("/api/tickets/" + t + "/deadlines", As.DISPATCHER).json();
    assertEquals("approved", view.getJsonArray("extensions").getJsonObject(0).getString("status"));
    assertEquals(403, form(server, "/tickets/" + t + "/extensions/" + id + "/approve",
        Map.of("csrf_token", csrf(server, POWER)), POWER).status(), "not the department's to decide");

    Response pause = form(server, "/tickets/" + t + "/pause-request", Map.of("csrf_token", csrf(server, POWER),
        "reason", "WAITING_FOR_CITIZEN", "note", "诉求人外出"), POWER);
    assertEquals(303, pause.status(), pause.body());
    assertTrue(server.get("/tickets/" + t, DISPATCHER).body().contains("等待诉求人补充材料"));
  }

  @Test
  void aBadExtensionFormComesBackWithTheReasonKept() {
    String t = ticket(server, powerCut("13200000006", "电表故障"));
    Response bad = form(server, "/tickets/" + t + "/extension", Map.of("csrf_token", csrf(server, POWER),
        "span", "five days", "reason", "等待配件"), POWER);
    assertEquals(400, bad.status());
    assertTrue(bad.body().contains(">等待配件</textarea>"), bad.body());
  }
}
