package org.open12345.hotline.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.config.HotlineConfig;
import org.open12345.hotline.db.DatabaseUrl;
import org.open12345.hotline.testing.TestDatabase;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/** The command line creates the first administrator and machines' tokens, with no server running. */
class AdminCommandsTest {
  private final DatabaseUrl db = TestDatabase.freshDatabase();

  private record Run(int status, String out, String err) {}

  private Run run(String... args) throws Exception {
    CommandLine cl = CommandLine.parse(args);
    HotlineConfig config = HotlineConfig.load(null, Map.of(), Map.of("db.url", db.uri()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = AdminCommands.run(cl, config, Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8).trim(), err.toString(StandardCharsets.UTF_8).trim());
  }

  private static Response login(TestServer server, String name, String password) {
    return server.post("/login", new JsonObject().put("username", name).put("password", password).encode());
  }

  @Test
  void theFirstAdministratorComesFromTheCommandLineAndSignsInWithItsOneTimePassword() throws Exception {
    Run added = run("user", "add", "--name", "admin", "--role", "ADMIN");
    assertEquals(0, added.status(), added.err());
    assertTrue(added.out().matches("[A-Za-z0-9]{16}"), "stdout holds the one-time password alone: " + added.out());
    assertTrue(added.err().contains("account admin (ADMIN) created"), added.err());

    Run dept = run("user", "add", "--name", "li.wei", "--role", "department", "--department", "hhht.heating");
    assertEquals(0, dept.status(), dept.err());
    Run unknown = run("user", "add", "--name", "wang.wu", "--role", "DEPARTMENT", "--department", "hhht.nowhere");
    assertEquals(1, unknown.status());
    assertTrue(unknown.err().contains("unknown department 'hhht.nowhere'"), unknown.err());
    assertEquals("", unknown.out());
    assertEquals(1, run("user", "add", "--name", "admin", "--role", "ADMIN").status(), "the name is taken");

    Run token = run("token", "create", "--name", "cti", "--role", "OPERATOR");
    assertEquals(0, token.status(), token.err());
    assertTrue(token.out().startsWith("hl_"), token.out());

    try (TestServer server = TestServer.start(db, Map.of(), Clock.systemUTC())) {
      Response first = login(server, "admin", added.out());
      assertEquals(200, first.status(), first.body());
      assertTrue(first.json().getBoolean("password_change_required"));
      assertEquals(200, server.get("/api/tickets", "Authorization", "Bearer " + token.out()).status());

      assertEquals(0, run("token", "revoke", "cti").status());
      assertEquals(401, server.get("/api/tickets", "Authorization", "Bearer " + token.out()).status());
      assertEquals(1, run("token", "revoke", "cti").status(), "no live token of that name");

      assertEquals(0, run("user", "disable", "li.wei").status());
      assertEquals(401, login(server, "li.wei", dept.out()).status());
      Run reset = run("user", "reset-password", "admin");
      assertEquals(0, reset.status(), reset.err());
      assertEquals(401, login(server, "admin", added.out()).status());
      assertEquals(200, login(server, "admin", reset.out()).status());
      assertEquals(1, run("user", "disable", "ghost").status());
    }
  }

  @Test
  void aBadRoleOrExpiryIsOneLineAndNoChange() {
    assertEquals(2, Main.run(new String[] {"user", "add", "--name", "x", "--role", "KING", "--config",
        "does-not-exist.yaml"}), "the config file is read before anything is done");
    assertEquals(2, Main.run(new String[] {"token", "create", "--name", "x"}));
  }
}
