package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * The administrator's pages over HTTP: accounts and tokens made, disabled, reset and revoked
 * through forms (with the session's CSRF token), each secret shown once on its answer, every
 * change in the security log under the administrator's name; the rule-set and calendar page.
 */
class AdminPagesTest {
  static final String[] ADMIN = ConsoleTesting.person("wu.admin", "ADMIN");
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
  void theAdministratorLandsOnTheAccountsPageWithRoleAndNameInTheMenu() {
    Response home = server.get("/console", ADMIN);
    assertEquals(303, home.status());
    assertEquals("/console/admin/users", home.header("Location"));
    Response page = server.get("/console/admin/users", ADMIN);
    assertEquals(200, page.status());
    assertTrue(page.body().contains("<span id=\"me-name\">wu.admin</span>"), page.body());
    assertTrue(page.body().contains("<span class=\"role\" id=\"me-role\">管理员</span>"));
    assertTrue(page.body().contains("id=\"user-wu.admin\""));
    assertTrue(page.header("Content-Security-Policy").contains("script-src 'self'"));
    assertEquals("no-store", page.header("Cache-Control"));
  }

  @Test
  void otherRolesAndStrangersAreKeptOut() {
    assertEquals(403, server.get("/console/admin/users", ConsoleTesting.person("he.op", "OPERATOR")).status());
    assertEquals(403, server.get("/console/admin/tokens", ConsoleTesting.person("he.sup", "SUPERVISOR")).status());
    Response anonymous = server.get("/console/admin/system");
    assertEquals(303, anonymous.status());
    assertEquals("/login?next=%2Fconsole%2Fadmin%2Fsystem", anonymous.header("Location"));
  }

  @Test
  void anAccountIsCreatedWithAOneTimePasswordShownOnceAndLogged() {
    Response created = ConsoleTesting.form(server, "/console/admin/users", Map.of("name", "sun.li", "role", "DEPARTMENT",
        "department_id", "hhht.heating", "csrf_token", ConsoleTesting.csrf(server, ADMIN)), ADMIN);
    assertEquals(200, created.status(), created.body());
    String otp = secret(created.body());
    assertTrue(created.body().contains("已创建账号 sun.li。"));
    assertTrue(created.body().contains("呼和浩特市热力集团"), "the department's name in the list");
    assertEquals("no-store", created.header("Cache-Control"));
    // The password works (and must be changed), and the list never shows it again.
    Response login = server.postJson("/login", new JsonObject().put("username", "sun.li").put("password", otp));
    assertEquals(200, login.status());
    assertTrue(login.json().getBoolean("password_change_required"));
    assertFalse(server.get("/console/admin/users", ADMIN).body().contains(otp));
    JsonObject event = lastEvent("user_created", "sun.li");
    assertEquals("wu.admin", event.getString("actor"));
    assertEquals("127.0.0.1", event.getString("address"));
  }

  @Test
  void aFormWithoutTheSessionsTokenIsRefusedAndNothingIsCreated() {
    Response r = ConsoleTesting.form(server, "/console/admin/users", Map.of("name", "forged.user", "role", "ADMIN"),
        ADMIN);
    assertEquals(403, r.status());
    assertFalse(server.get("/console/admin/users", ADMIN).body().contains("forged.user"));
  }

  @Test
  void aRefusedAccountKeepsWhatWasTypedAndSaysWhy() {
    Response r = ConsoleTesting.form(server, "/console/admin/users", Map.of("name", "qian.dept", "role", "DEPARTMENT",
        "department_id", "", "csrf_token", ConsoleTesting.csrf(server, ADMIN)), ADMIN);
    assertEquals(400, r.status());
    assertTrue(r.body().contains("id=\"error\""), r.body());
    assertTrue(r.body().contains("value=\"qian.dept\""), "the name typed stays in the form");
    assertTrue(r.body().contains("<option value=\"DEPARTMENT\" selected>"), "the role chosen stays chosen");
    assertFalse(r.body().contains("id=\"issued\""));
  }

  @Test
  void disableEnableAndResetGoThroughTheServiceAndTheLog() {
    String csrf = ConsoleTesting.csrf(server, ADMIN);
    ConsoleTesting.form(server, "/console/admin/users", Map.of("name", "zhou.op", "role", "OPERATOR",
        "csrf_token", csrf), ADMIN);
    Response disabled = ConsoleTesting.form(server, "/console/admin/users/zhou.op/disable", Map.of("csrf_token", csrf),
        ADMIN);
    assertEquals(303, disabled.status());
    Response list = server.get(disabled.header("Location"), ADMIN);
    assertTrue(list.body().contains("已停用账号 zhou.op。"), list.body());
    assertTrue(list.body().contains("id=\"enable-zhou.op\""));
    assertEquals("wu.admin", lastEvent("user_disabled", "zhou.op").getString("actor"));
    assertEquals(303, ConsoleTesting.form(server, "/console/admin/users/zhou.op/enable", Map.of("csrf_token", csrf),
        ADMIN).status());
    assertTrue(server.get("/console/admin/users", ADMIN).body().contains("id=\"disable-zhou.op\""));
    Response reset = ConsoleTesting.form(server, "/console/admin/users/zhou.op/password-reset",
        Map.of("csrf_token", csrf), ADMIN);
    assertEquals(200, reset.status());
    String otp = secret(reset.body());
    assertEquals(200, server.postJson("/login", new JsonObject().put("username", "zhou.op").put("password", otp))
        .status());
    assertEquals("wu.admin", lastEvent("password_reset", "zhou.op").getString("actor"));
  }

  @Test
  void theLastAdministratorCannotBeDisabledFromThePage() {
    TestServer own = TestServer.start();
    try {
      String[] only = ConsoleTesting.person("only.admin", "ADMIN");
      Response r = ConsoleTesting.form(own, "/console/admin/users/only.admin/disable",
          Map.of("csrf_token", ConsoleTesting.csrf(own, only)), only);
      assertEquals(409, r.status());
      assertTrue(r.body().contains("id=\"error\""), r.body());
    } finally {
      own.close();
    }
  }

  @Test
  void aTokenIsShownOnceWorksAndStopsWorkingWhenRevoked() {
    String csrf = ConsoleTesting.csrf(server, ADMIN);
    Response created = ConsoleTesting.form(server, "/console/admin/tokens", Map.of("name", "heating-oa",
        "role", "DEPARTMENT", "department_id", "hhht.heating", "expires_on", "2099-12-31", "csrf_token", csrf), ADMIN);
    assertEquals(200, created.status(), created.body());
    String token = secret(created.body());
    assertTrue(created.body().contains("2100-01-01 00:00"), "through the last day, in the centre's zone");
    assertEquals(200, server.get("/api/tickets", "Authorization", "Bearer " + token).status());
    assertEquals("wu.admin", lastEvent("token_created", "heating-oa").getString("actor"));
    Response revoked = ConsoleTesting.form(server, "/console/admin/tokens/heating-oa/revoke",
        Map.of("csrf_token", csrf), ADMIN);
    assertEquals(303, revoked.status());
    assertTrue(server.get(revoked.header("Location"), ADMIN).body().contains("已吊销令牌 heating-oa。"));
    assertEquals(401, server.get("/api/tickets", "Authorization", "Bearer " + token).status());
    assertEquals("wu.admin", lastEvent("token_revoked", "heating-oa").getString("actor"));
  }

  @Test
  void aTokenWithAnUnknownRoleIsRefusedOnThePage() {
    Response r = ConsoleTesting.form(server, "/console/admin/tokens", Map.of("name", "odd", "role", "CITIZEN",
        "csrf_token", ConsoleTesting.csrf(server, ADMIN)), ADMIN);
    assertEquals(400, r.status());
    assertTrue(r.body().contains("id=\"error\""));
  }

  private static String secret(String html) {
    Matcher m = Pattern.compile("<code class=\"secret-value\" id=\"secret\">([^<]+)</code>").matcher(html);
    assertTrue(m.find(), "the secret is on the page");
    return m.group(1);
  }

  private static JsonObject lastEvent(String kind, String subject) {
    JsonArray items = server.get("/api/security-events?kind=" + kind + "&subject=" + subject, As.ADMIN).json()
        .getJsonArray("items");
    assertFalse(items.isEmpty(), kind + " of " + subject + " logged");
    return items.getJsonObject(0);
  }
}
