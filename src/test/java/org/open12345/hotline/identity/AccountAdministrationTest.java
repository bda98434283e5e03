package org.open12345.hotline.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.identity.Staff.Session;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestDatabase;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/** Administrators manage accounts; the department list in the rule files bounds them. */
class AccountAdministrationTest {
  @TempDir Path rules;

  @Test
  void anAdministratorCreatesChangesAndDisablesAccountsAndTheLogSaysSo() {
    try (TestServer server = TestServer.start()) {
      Session admin = Staff.signedIn(server, "admin", Role.ADMIN, null);
      Response created = server.post("/api/users", new JsonObject().put("name", "Li.Wei").put("role", "DEPARTMENT")
          .put("department_id", "hhht.heating").encode(), admin.headers());
      assertEquals(201, created.status(), created.body());
      assertEquals("li.wei", created.json().getString("name"));
      assertTrue(created.json().getBoolean("password_change_required"));
      String otp = created.json().getString("one_time_password");
      assertEquals(200, Staff.login(server, "li.wei", otp).status());

      Response unknown = server.post("/api/users", new JsonObject().put("name", "x1").put("role", "DEPARTMENT")
          .put("department_id", "hhht.nowhere").encode(), admin.headers());
      assertEquals(400, unknown.status());
      assertEquals("department_id", unknown.json().getJsonObject("details").getString("field"));
      assertEquals(409, server.post("/api/users", new JsonObject().put("name", "li.wei").put("role", "OPERATOR")
          .encode(), admin.headers()).status());
      assertEquals(400, server.post("/api/users", new JsonObject().put("name", "x2").put("role", "METRICS")
          .encode(), admin.headers()).status(), "METRICS is for tokens");
      assertEquals(400, server.post("/api/users", new JsonObject().put("name", "x3").put("role", "SUPERVISOR")
          .put("department_id", "hhht.heating").encode(), admin.headers()).status());

      Response moved = server.post("/api/users/li.wei/role", new JsonObject().put("role", "SUPERVISOR").encode(),
          admin.headers());
      assertEquals(200, moved.status(), moved.body());
      assertEquals("SUPERVISOR", moved.json().getString("role"));
      JsonObject event = server.get("/api/security-events?kind=role_changed", admin.headers()).json()
          .getJsonArray("items").getJsonObject(0);
      assertEquals("admin", event.getString("actor"));
      assertEquals("li.wei", event.getString("subject"));
      assertEquals("DEPARTMENT", event.getJsonObject("details").getString("from_role"));
      assertEquals("SUPERVISOR", event.getJsonObject("details").getString("to_role"));

      Response reset = server.post("/api/users/li.wei/password-reset", "", admin.headers());
      assertEquals(401, Staff.login(server, "li.wei", otp).status(), "the old one-time password is gone");
      assertEquals(200, Staff.login(server, "li.wei", reset.json().getString("one_time_password")).status());
      assertEquals(200, server.post("/api/users/li.wei/disable", "", admin.headers()).status());
      JsonArray users = server.get("/api/users", admin.headers()).json().getJsonArray("items");
      assertFalse(users.encode().contains("argon2"), "no hash ever leaves the server");
      assertTrue(users.stream().map(o -> (JsonObject) o).anyMatch(u -> u.getString("name").equals("li.wei")
          && u.getString("disabled_at") != null));

      Response last = server.post("/api/users/admin/disable", "", admin.headers());
      assertEquals(409, last.status());
      assertEquals("last_admin", last.json().getString("error"));
      assertEquals(409, server.post("/api/users/admin/role", new JsonObject().put("role", "OPERATOR").encode(),
          admin.headers()).status());

      String kinds = server.get("/api/security-events?size=200", admin.headers()).json().getJsonArray("items").stream()
          .map(o -> ((JsonObject) o).getString("kind")).distinct().sorted().collect(Collectors.joining(","));
      assertEquals("login,login_failed,password_changed,password_reset,role_changed,user_created,user_disabled", kinds);
      Session operator = Staff.signedIn(server, "op.one", Role.OPERATOR, null);
      assertEquals(403, server.get("/api/users", operator.headers()).status());
      Response refused = server.get("/api/security-events", operator.headers());
      assertEquals("forbidden_action", refused.json().getString("error"));
      assertEquals("GET /api/security-events", refused.json().getJsonObject("details").getString("route"));
    }
  }

  @Test
  void theSecurityLogCannotBeEditedOrEmptiedAndNamesTheRealPeer() throws Exception {
    try (TestServer server = TestServer.start()) {
      Staff.signedIn(server, "someone", Role.OPERATOR, null);
      // No trusted proxies configured: a forwarded address is the caller's claim, not believed.
      assertEquals(401, Staff.login(server, "someone", "Wrong-Passw0rd", "X-Forwarded-For", "6.6.6.6",
          "X-Real-IP", "6.6.6.7").status());
      var db = server.database();
      try (var c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
          var st = c.createStatement()) {
        try (var rs = st.executeQuery("SELECT address FROM security_events WHERE kind = 'login_failed'")) {
          assertTrue(rs.next());
          assertEquals("127.0.0.1", rs.getString(1));
        }
        for (String sql : new String[] {"UPDATE security_events SET actor = 'x'", "DELETE FROM security_events",
            "TRUNCATE security_events"}) {
          var e = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, () -> st.execute(sql));
          assertTrue(e.getMessage().contains("append-only"), e.getMessage());
        }
      }
    }
  }

  @Test
  void aDepartmentRemovedFromTheFilesLocksItsUsersOutWithAClearMessage() throws Exception {
    copyShippedRules();
    try (TestServer server = TestServer.start(TestDatabase.freshDatabase(), Map.of("routing.dir", rules.toString(),
        "routing.reload_interval", "0.1s"), Clock.systemUTC())) {
      Session xijie = Staff.signedIn(server, "xijie.staff", Role.DEPARTMENT, "hhht.xincheng.xijie");
      String token = Staff.token(server, "xijie-system", Role.DEPARTMENT, "hhht.xincheng.xijie");
      assertEquals(200, server.get("/api/tickets", xijie.headers()).status());

      Path departments = rules.resolve("departments.yaml");
      String text = Files.readString(departments);
      int from = text.indexOf("  - id: hhht.xincheng.xijie\n");
      int to = text.indexOf("  - id:", from + 5);
      Path tmp = rules.resolve("departments.yaml.tmp");
      Files.writeString(tmp, text.substring(0, from) + text.substring(to));
      Files.move(tmp, departments, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      Await.until(() -> server.get("/api/departments", xijie.headers()).status() == 403);

      for (String[] who : new String[][] {xijie.headers(), {"Authorization", Staff.bearer(token)}}) {
        Response r = server.get("/api/tickets", who);
        assertEquals(403, r.status());
        assertEquals("department_unknown", r.json().getString("error"));
        assertTrue(r.json().getString("message").contains("hhht.xincheng.xijie"), r.body());
      }
      Response page = server.get("/account", xijie.withoutCsrf());
      assertEquals(200, page.status());
      assertTrue(page.body().contains("已不在单位目录中"), page.body());
      Response refused = Staff.login(server, "someone.new", "x");
      assertEquals(401, refused.status(), "other logins go on");
      Await.resultOf(Staff.identity(server).accounts().create("someone.new", Role.OPERATOR, null, Staff.ADMIN, null));
      assertTrue(Await.resultOf(Staff.identity(server).accounts().create("x.new", Role.DEPARTMENT,
              "hhht.xincheng.xijie", Staff.ADMIN, null).map(i -> false).recover(e -> io.vertx.core.Future
              .succeededFuture(e.getMessage().contains("unknown department")))),
          "the removed department is refused for new accounts");
    }
  }

  private void copyShippedRules() throws Exception {
    Files.createDirectories(rules.resolve("calendar"));
    for (String dir : new String[] {"", "calendar"}) {
      try (var files = Files.list(Path.of("routing-rules", dir))) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Files.copy(f, rules.resolve(dir).resolve(f.getFileName()));
        }
      }
    }
  }
}
