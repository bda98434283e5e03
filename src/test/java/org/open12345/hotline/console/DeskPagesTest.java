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

/** The desks: each role's queue page, scoped, escaped, and its row forms. */
class DeskPagesTest {
  static final String[] OPERATOR = person("chen.hw", "OPERATOR");
  static final String[] DISPATCHER = person("wang.pd", "DISPATCHER");
  static final String[] SUPERVISOR = person("sun.db", "SUPERVISOR");
  static final String[] POWER = departmentPerson("li.power", "hhht.power");
  static final String[] WATER = departmentPerson("zhou.water", "hhht.water");
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void eachRoleLandsOnItsOwnDesk() {
    assertEquals("/console/operator", server.get("/console", OPERATOR).header("Location"));
    assertEquals("/console/dispatch", server.get("/console", DISPATCHER).header("Location"));
    assertEquals("/console/department", server.get("/console", POWER).header("Location"));
    assertEquals("/console/supervisor", server.get("/console", SUPERVISOR).header("Location"));
    assertEquals("/console/admin/users", server.get("/console", person("admin.li", "ADMIN")).header("Location"));
    assertEquals("/login?next=%2Fconsole%2Fdepartment", server.get("/console/department").header("Location"));
    assertEquals(403, server.get("/console/department", OPERATOR).status(), "not the operator's desk");
  }

  @Test
  void theDepartmentSeesItsTicketsToSignWithCountdownsAndSignsFromTheList() {
    String mine = ticket(server, powerCut("13300000001", "停电 <script>alert(1)</script>"));
    Response page = server.get("/console/department", POWER);
    assertEquals(200, page.status(), page.body());
    String html = page.body();
    assertTrue(html.contains(mine), "its ticket to sign");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>alert"));
    assertTrue(html.matches("(?s).*class=\"countdown\" data-due=\"[^\"]+\">剩余(\\d+小时)?(\\d+分)?<.*"), html);
    assertTrue(html.contains("内蒙古电力集团呼和浩特供电分公司"), "the user menu names the department");
    assertFalse(server.get("/console/department", WATER).body().contains(mine), "another department's is absent");

    Response signed = form(server, "/tickets/" + mine + "/actions/sign", Map.of("csrf_token", csrf(server, POWER),
        "return_to", "/console/department?tab=sign"), POWER);
    assertEquals(303, signed.status());
    assertEquals("/console/department?tab=sign&done=SIGN", signed.header("Location"));
    assertFalse(server.get("/console/department?tab=sign", POWER).body().contains(mine));
    assertTrue(server.get("/console/department?tab=work", POWER).body().contains(mine));
  }

  @Test
  void aFormNeverSendsTheBrowserOffTheConsole() {
    assertEquals("/tickets/1", TicketPageRoutes.backTo("https://evil.example/console/", "/tickets/1"));
    assertEquals("/tickets/1", TicketPageRoutes.backTo("//evil.example", "/tickets/1"));
    assertEquals("/tickets/1", TicketPageRoutes.backTo("/console//evil.example", "/tickets/1"));
    assertEquals("/console/dispatch?tab=manual", TicketPageRoutes.backTo("/console/dispatch?tab=manual", "/x"));
  }

  static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }

  @Test
  void theDispatcherDispatchesFromTheManualQueueWithTheDepartmentPicker() {
    // No category: no rule matches, so the ticket waits in the manual queue.
    String manual = ticket(server, new JsonObject().put("citizen_phone", "13300000002").put("request_type", "求助")
        .put("description", "\"><img src=x onerror=alert(1)> 小区门口有大坑"));
    Response queue = server.get("/console/dispatch", DISPATCHER);
    assertEquals(200, queue.status(), queue.body());
    assertTrue(queue.body().contains("id=\"dispatch-" + manual + "\""));
    assertTrue(queue.body().contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assertTrue(queue.body().contains("<summary id=\"department-" + manual + "\" hx-get=\"/console/dispatch/tree?for="
        + manual + "\""),
        "the row's department tree, loaded when unfolded");
    assertFalse(queue.body().contains("<option value=\"hhht.water\">"), "no indented select any more");
    String tree = server.get("/console/dispatch/tree?for=" + manual, DISPATCHER).body();
    assertTrue(tree.contains("<input type=\"radio\" name=\"department_id\" value=\"hhht.water\" id=\"" + manual
        + "-dep-hhht.water\" required>"), tree);
    // Nested: a city's districts sit in a folded list under the city, after its own choice.
    String city = tree.substring(tree.indexOf("value=\"hhht\""), tree.indexOf("value=\"hhht.xincheng\""));
    assertTrue(city.contains("<details><summary>下级单位") && city.contains("<ul>"), city);
    assertEquals(count(tree, "<ul"), count(tree, "</ul>"), "lists balanced: " + tree);
    assertEquals(count(tree, "<details"), count(tree, "</details>"), "folds balanced");
    assertFalse(tree.contains("<script") || tree.contains("style="), "no inline script or style");
    assertTrue(server.get("/console/dispatch/tree?for=%22%3E%3Cscript%3E", DISPATCHER).body()
        .contains("id=\"picker-dep-hhht.water\""), "the key is only letters, digits and dashes");
    assertEquals(403, server.get("/console/dispatch/tree?for=1", person("dp.op", "OPERATOR")).status());
    String page = server.get("/tickets/" + manual, DISPATCHER).body();
    assertTrue(page.contains("<fieldset class=\"tree-picker\" id=\"dispatch-department\">")
        && page.contains("id=\"dispatch-dep-hhht.water\" required>"), "the ticket page's dispatch form: the tree");

    Response sent = form(server, "/tickets/" + manual + "/actions/dispatch", Map.of("csrf_token",
        csrf(server, DISPATCHER), "department_id", "hhht.water", "return_to", "/console/dispatch?tab=manual"),
        DISPATCHER);
    assertEquals(303, sent.status(), sent.body());
    JsonObject t = server.get("/api/tickets/" + manual, As.DISPATCHER).json();
    assertEquals("DISPATCHED", t.getString("status"));
    assertEquals("hhht.water", t.getString("department_id"));
    assertFalse(server.get("/console/dispatch", DISPATCHER).body().contains("id=\"dispatch-" + manual + "\""));
  }

  @Test
  void theSupervisorSeesTheOverdueList() {
    Response page = server.get("/console/supervisor", SUPERVISOR);
    assertEquals(200, page.status(), page.body());
    assertTrue(page.body().contains("超时工单"));
    assertEquals(403, server.get("/console/supervisor", POWER).status());
  }

  @Test
  void theOperatorFindsTheCallerAndRecordsATicketWithARoutingPreview() {
    String earlier = ticket(server, powerCut("13300000003", "上周停电"));
    Response desk = server.get("/console/operator?phone=13300000003", OPERATOR);
    assertEquals(200, desk.status(), desk.body());
    assertTrue(desk.body().contains(earlier), "the caller's history");

    String csrf = csrf(server, OPERATOR);
    Response preview = form(server, "/console/operator/preview", Map.of("csrf_token", csrf,
        "request_type", "COMPLAINT", "category_code", "020201", "description", "停电"), OPERATOR);
    assertEquals(200, preview.status(), preview.body());
    assertTrue(preview.body().contains("内蒙古电力集团呼和浩特供电分公司"), preview.body());

    Response refused = form(server, "/console/operator/tickets", Map.of("csrf_token", csrf,
        "citizen_phone", "not a phone", "request_type", "COMPLAINT", "description", "停电 <b>很久</b>"), OPERATOR);
    assertEquals(400, refused.status());
    assertTrue(refused.body().contains("id=\"error\""));
    assertTrue(refused.body().contains("停电 &lt;b&gt;很久&lt;/b&gt;</textarea>"), "what was typed is kept, escaped");

    Response saved = form(server, "/console/operator/tickets", Map.of("csrf_token", csrf,
        "citizen_phone", "13300000004", "request_type", "COMPLAINT", "category_code", "020201",
        "description", "整栋楼停电"), OPERATOR);
    assertEquals(303, saved.status(), saved.body());
    String number = saved.header("Location").replaceAll("^/tickets/(\\d+)\\?.*$", "$1");
    JsonObject t = server.get("/api/tickets/" + number, As.DISPATCHER).json();
    assertEquals("hhht.power", t.getString("department_id"), "routed on creation");
    assertEquals("chen.hw", t.getJsonArray("timeline").getJsonObject(0).getString("actor"));
  }
}
