package org.open12345.hotline.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.deadline.ManualClock;
import org.open12345.hotline.intake.IntakeTesting;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestDatabase;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/** Machines' bearer tokens: issued once, bound to a role, expiring, revocable, logged. */
class ApiTokenTest {
  static final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T02:00:00Z"));
  static TestServer server;
  static String admin;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestDatabase.freshDatabase(), Map.of(), clock);
    admin = Staff.token(server, "root-admin", Role.ADMIN, null);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void assertUnauthenticated(Response r, String code) {
    assertEquals(401, r.status(), r.body());
    assertEquals(code, r.json().getString("error"));
    assertNotNull(r.json().getString("message"));
    assertEquals("Bearer realm=\"hotline\"", r.header("www-authenticate"));
  }

  @Test
  void malformedUnknownAndForeignSchemesAre401() {
    assertUnauthenticated(server.get("/api/tickets", "Authorization", "Bearer nonsense"), "invalid_token");
    assertUnauthenticated(server.get("/api/tickets", "Authorization", "Bearer hl_" + "A".repeat(43)),
        "invalid_token");
    assertUnauthenticated(server.get("/api/tickets", "Authorization", "Basic YWRtaW46YWRtaW4="), "invalid_token");
    assertUnauthenticated(server.get("/api/tickets", "Authorization", "Bearer"), "invalid_token");
    assertUnauthenticated(server.get("/api/tickets"), "unauthenticated");
  }

  @Test
  void anAdministratorIssuesATokenOnceAndItNeverShowsAgain() {
    Response created = server.post("/api/tokens", new JsonObject().put("name", "cti").put("role", "OPERATOR").encode(),
        "Authorization", Staff.bearer(admin));
    assertEquals(201, created.status(), created.body());
    assertEquals("no-store", created.header("cache-control"));
    String token = created.json().getString("token");
    assertTrue(token.startsWith("hl_"));
    assertEquals(200, server.get("/api/tickets", "Authorization", Staff.bearer(token)).status());
    String list = server.get("/api/tokens", "Authorization", Staff.bearer(admin)).body();
    assertFalse(list.contains(token.substring(3)), "the list never holds the token");
    assertTrue(list.contains("\"name\":\"cti\""));
    Response twice = server.post("/api/tokens", new JsonObject().put("name", "cti").put("role", "OPERATOR").encode(),
        "Authorization", Staff.bearer(admin));
    assertEquals(409, twice.status());

    Response revoked = server.post("/api/tokens/cti/revoke", "", "Authorization", Staff.bearer(admin));
    assertEquals(200, revoked.status(), revoked.body());
    assertUnauthenticated(server.get("/api/tickets", "Authorization", Staff.bearer(token)), "token_revoked");
    assertEquals(404, server.post("/api/tokens/cti/revoke", "", "Authorization", Staff.bearer(admin)).status());
    Response successor = server.post("/api/tokens", new JsonObject().put("name", "cti").put("role", "OPERATOR")
        .encode(), "Authorization", Staff.bearer(admin));
    assertEquals(201, successor.status(), "a revoked token's name may be reused");
  }

  @Test
  void aTokenStopsAtItsExpiry() {
    String token = Await.resultOf(Staff.identity(server).tokens().create("reporting", Role.SUPERVISOR, null,
        clock.instant().plus(Duration.ofDays(30)), Staff.ADMIN, null)).secret();
    assertEquals(200, server.get("/api/tickets", "Authorization", Staff.bearer(token)).status());
    clock.advance(Duration.ofDays(31));
    assertUnauthenticated(server.get("/api/tickets", "Authorization", Staff.bearer(token)), "token_expired");
    Response past = server.post("/api/tokens", new JsonObject().put("name", "late").put("role", "OPERATOR")
        .put("expires_at", "2020-01-01T00:00:00Z").encode(), "Authorization", Staff.bearer(admin));
    assertEquals(400, past.status());
    assertEquals("expires_at", past.json().getJsonObject("details").getString("field"));
  }

  @Test
  void aDepartmentTokenNeedsAKnownDepartmentAndAMetricsTokenReadsOnlyMetrics() {
    Response unknown = server.post("/api/tokens", new JsonObject().put("name", "d1").put("role", "DEPARTMENT")
        .put("department_id", "hhht.nowhere").encode(), "Authorization", Staff.bearer(admin));
    assertEquals(400, unknown.status());
    assertTrue(unknown.json().getString("message").contains("hhht.nowhere"));
    Response missing = server.post("/api/tokens", new JsonObject().put("name", "d2").put("role", "DEPARTMENT")
        .encode(), "Authorization", Staff.bearer(admin));
    assertEquals(400, missing.status());
    Response system = server.post("/api/tokens", new JsonObject().put("name", "d3").put("role", "SYSTEM")
        .encode(), "Authorization", Staff.bearer(admin));
    assertEquals(400, system.status(), "nobody gets the server's own role");

    String metrics = Staff.token(server, "prometheus", Role.METRICS, null);
    Response scrape = server.get("/metrics", "Authorization", Staff.bearer(metrics));
    assertEquals(200, scrape.status());
    assertTrue(scrape.body().contains("jvm_memory"));
    assertTrue(scrape.body().contains("hotline_intake_batch_items_sum"), "group commit's meters are published");
    assertEquals(403, server.get("/api/tickets", "Authorization", Staff.bearer(metrics)).status());
    assertEquals(403, server.get("/metrics", "Authorization", Staff.bearer(admin)).status());
    assertEquals(401, server.get("/metrics").status());
  }

  @Test
  void aTokensFirstUseOfEachDayIsInTheSecurityLog() {
    String token = Staff.token(server, "daily", Role.DISPATCHER, null);
    for (int i = 0; i < 3; i++) {
      assertEquals(200, server.get("/api/tickets", "Authorization", Staff.bearer(token)).status());
    }
    assertEquals(1, uses());
    clock.advance(Duration.ofDays(1));
    server.get("/api/tickets", "Authorization", Staff.bearer(token));
    server.get("/api/tickets", "Authorization", Staff.bearer(token));
    assertEquals(2, uses());
    JsonObject token0 = server.get("/api/tokens", "Authorization", Staff.bearer(admin)).json().getJsonArray("items")
        .stream().map(o -> (JsonObject) o).filter(o -> o.getString("name").equals("daily")).findFirst().orElseThrow();
    assertEquals(clock.instant().toString(), token0.getString("last_used_at"));
    assertNull(token0.getString("expires_at"));
  }

  /**
   * After a token's first use of the day it is not written again that day: a statement-level
   * trigger counts the UPDATE statements sent to api_tokens (it fires even when no row matches).
   */
  @Test
  void aTokenUsedTodayAlreadyIsNotWrittenAgain() {
    IntakeTesting.execute(server, "CREATE TABLE IF NOT EXISTS token_updates (n int NOT NULL)");
    IntakeTesting.execute(server, "INSERT INTO token_updates SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM token_updates)");
    IntakeTesting.execute(server, """
        CREATE OR REPLACE FUNCTION count_token_updates() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN UPDATE token_updates SET n = n + 1; RETURN NULL; END $$""");
    IntakeTesting.execute(server, """
        CREATE OR REPLACE TRIGGER count_token_updates BEFORE UPDATE ON api_tokens
        FOR EACH STATEMENT EXECUTE FUNCTION count_token_updates()""");
    String token = Staff.token(server, "busy-cti", Role.OPERATOR, null);
    long before = IntakeTesting.count(server, "SELECT n FROM token_updates");
    for (int i = 0; i < 5; i++) {
      assertEquals(200, server.get("/api/tickets", "Authorization", Staff.bearer(token)).status());
    }
    assertEquals(before + 1, IntakeTesting.count(server, "SELECT n FROM token_updates"),
        "one write for the day's first use, none for the four after it");
  }

  private static int uses() {
    return server.get("/api/security-events?kind=token_used&subject=daily", "Authorization", Staff.bearer(admin))
        .json().getJsonArray("items").size();
  }
}
