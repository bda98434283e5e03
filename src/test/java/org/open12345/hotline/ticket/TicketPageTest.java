package org.open12345.hotline.ticket;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.intake.IntakeTesting;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/** Links that work (issue 12 item 8): {@code /tickets/{number}} is a read-only page for staff. */
class TicketPageTest {
  static TestServer server;
  static String number;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    Response r = server.postJson("/api/tickets", new JsonObject().put("citizen_phone", "13200000001")
        .put("citizen_name", "赵先生").put("request_type", "投诉").put("category_code", "020201")
        .put("description", "停电三小时 <script>alert(1)</script>"), As.OPERATOR);
    number = r.json().getString("number");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theLinkInADispatchNoticeOpensTheTicketForStaff() {
    String mail = IntakeTesting.outboxOf(server, number).stream().map(o -> (JsonObject) o)
        .filter(m -> "dispatch-notice".equals(m.getString("kind"))).findFirst().orElseThrow().getString("text");
    String path = mail.substring(mail.indexOf("/tickets/"), mail.indexOf("/tickets/") + "/tickets/".length()
        + number.length());
    Response page = server.get(path, "X-Hotline-Role", "DISPATCHER", "X-Hotline-User", "wang.pd");
    assertEquals(200, page.status(), page.body());
    assertTrue(page.header("Content-Type").startsWith("text/html"));
    assertTrue(page.body().contains("工单 " + number));
    assertTrue(page.body().contains("hhht.power"), "its department");
    assertTrue(page.body().contains("派单（DISPATCH）"), "its timeline");
    assertTrue(page.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the citizen's text is escaped");
    assertFalse(page.body().contains("<script>"));
    assertTrue(page.header("Content-Security-Policy").contains("default-src 'none'"));
    assertEquals("no-store", page.header("Cache-Control"));
  }

  @Test
  void withoutASignedInStaffMemberTheBrowserIsSentToLogIn() {
    String[] browser = {"Accept", "text/html,application/xhtml+xml"};
    Response anonymous = server.get("/tickets/" + number, browser);
    assertEquals(303, anonymous.status());
    assertEquals("/login?next=%2Ftickets%2F" + number, anonymous.header("Location"));
    assertFalse(anonymous.body().contains("停电三小时"), "nothing of the ticket is shown");
    assertEquals(303, server.get("/tickets/" + number, "X-Hotline-Role", "CITIZEN", "Accept", "text/html").status(),
        "no staff identity");
    Response script = server.get("/tickets/" + number);
    assertEquals(401, script.status(), "a script is told, not redirected");
    assertFalse(script.body().contains("停电三小时"));
    assertEquals(401, server.get("/tickets/" + number, "Authorization", "Bearer not-a-token", "Accept", "text/html")
        .status(), "bad credentials are refused, not redirected");
  }

  @Test
  void aDepartmentSeesAConfidentialTicketsContactsMasked() {
    Response r = server.postJson("/api/tickets", new JsonObject().put("citizen_phone", "13200000009")
        .put("citizen_name", "钱女士").put("request_type", "投诉").put("category_code", "020201")
        .put("confidential", true).put("description", "停电了，请回电13200000009"), As.OPERATOR);
    String n = r.json().getString("number");
    Response page = server.get("/tickets/" + n, As.department("hhht.power"));
    assertEquals(200, page.status(), page.body());
    assertFalse(page.body().contains("13200000009"), "the phone is masked everywhere on the page");
    assertFalse(page.body().contains("钱女士"));
    assertTrue(server.get("/tickets/" + n, As.DISPATCHER).body().contains("13200000009"), "the centre sees it");
  }

  @Test
  void aDepartmentSeesItsOwnTicketsAndOthersAnswerLikeMissingOnes() {
    assertEquals(200, server.get("/tickets/" + number, As.department("hhht.power")).status());
    Response other = server.get("/tickets/" + number, As.department("hhht.water"));
    assertEquals(404, other.status());
    assertFalse(other.body().contains("停电三小时"));
    Response missing = server.get("/tickets/20990101000001", As.SUPERVISOR);
    assertEquals(404, missing.status());
    assertEquals(other.body().replace(number, "X"), missing.body().replace("20990101000001", "X"),
        "the same answer");
  }
}
