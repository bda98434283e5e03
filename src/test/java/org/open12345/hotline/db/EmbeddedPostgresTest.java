package org.open12345.hotline.db;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.config.HotlineConfig;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.FreePort;
import org.open12345.hotline.testing.TestDatabase;
import org.open12345.hotline.testing.TestServer;

class EmbeddedPostgresTest {

  /** Folders made by this class, removed after each test (each holds ~100 MB of PostgreSQL). */
  private final List<Path> folders = new ArrayList<>();

  @org.junit.jupiter.api.AfterEach
  void removeFolders() throws Exception {
    for (Path dir : folders) {
      PostgresBinaries.deleteRecursively(dir);
    }
  }

  Path tempFolder() throws Exception {
    Path dir = Files.createTempDirectory("hotline-embedded-");
    dir.toFile().setExecutable(true, false);
    dir.toFile().setReadable(true, false);
    folders.add(dir);
    return dir;
  }

  /** The run command's path: no db.url, so the server starts its own PostgreSQL in a folder. */
  @Test
  void theServerWithItsOwnDatabaseKeepsTicketsAcrossRestarts() throws Exception {
    Path dir = tempFolder();
    Map<String, String> cfg = Map.of("db.url", "", "db.embedded.dir", dir.toString(),
        "db.embedded.port", String.valueOf(FreePort.find()), "http.port", "0", "http.host", "127.0.0.1");
    String number;
    String token;
    var first = org.open12345.hotline.app.HotlineServer.start(HotlineConfig.load(null, Map.of(), cfg),
        java.time.Clock.systemUTC());
    try {
      // A token as `token create` makes it; it lives in the same database, so it works after the restart too.
      token = "Bearer " + Await.resultOf(first.features().identity.tokens().create("cti", Role.OPERATOR, null, null,
          Actor.SYSTEM, null)).secret();
      var client = java.net.http.HttpClient.newHttpClient();
      var resp = client.send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create("http://127.0.0.1:" + first.port() + "/api/tickets"))
          .header("Authorization", token)
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
              "{\"citizen_phone\":\"13800138000\",\"request_type\":\"咨询\",\"description\":\"社保卡怎么补办\"}"))
          .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(201, resp.statusCode(), resp.body());
      number = new io.vertx.core.json.JsonObject(resp.body()).getString("number");
    } finally {
      first.stop();
    }
    if (EmbeddedPostgres.isRoot()) {
      assertEquals("nobody", Files.getOwner(dir.resolve("pg17")).getName(), "as root, PostgreSQL runs as nobody");
    }
    var second = org.open12345.hotline.app.HotlineServer.start(HotlineConfig.load(null, Map.of(), cfg),
        java.time.Clock.systemUTC());
    try {
      var resp = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create("http://127.0.0.1:" + second.port() + "/api/tickets/" + number))
              .header("Authorization", token).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, resp.statusCode(), resp.body());
      assertTrue(resp.body().contains("社保卡怎么补办"));
    } finally {
      second.stop();
    }
  }

  /** What a kill -9 of the server leaves: a running postmaster. The next start reuses it. */
  @Test
  void aDatabaseLeftRunningIsReused() throws Exception {
    Path dir = tempFolder();
    int port = FreePort.find();
    EmbeddedPostgres orphan = new EmbeddedPostgres(dir, port, "nobody");
    String url = orphan.start();
    EmbeddedPostgres next = new EmbeddedPostgres(dir, FreePort.find(), "nobody");
    try {
      String again = next.start();
      assertEquals(url, again, "the second start connects to the server already running");
      DatabaseUrl u = DatabaseUrl.parse(again);
      try (var c = DriverManager.getConnection(u.jdbcUrl(), u.user(), u.password())) {
        assertTrue(c.isValid(5));
      }
    } finally {
      next.stop();
    }
    assertFalse(Files.exists(dir.resolve("pg17").resolve("postmaster.pid")), "stopped on a normal shutdown");
  }

  @Test
  void migrationsAreSafeTwiceAndFromTwoServersAtOnce() throws Exception {
    DatabaseUrl db = TestDatabase.freshDatabase();
    var pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      Callable<Integer> migrate = () -> DatabaseSetup.migrate(db).migrationsExecuted;
      runs.add(pool.submit(migrate));
      runs.add(pool.submit(migrate));
      int applied = 0;
      for (Future<Integer> f : runs) {
        applied += f.get();
      }
      int migrations = new java.io.File(
          DatabaseSetup.class.getClassLoader().getResource("db/migration").toURI()).list().length;
      assertEquals(migrations, applied, "each migration applied exactly once between the two");
      assertEquals(0, DatabaseSetup.migrate(db).migrationsExecuted, "a second run finds nothing to do");
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void readyAnswersOnceMigrated() {
    try (TestServer s = TestServer.start()) {
      var r = s.get("/ready");
      assertEquals(200, r.status(), r.body());
      assertEquals("ready", r.json().getString("status"));
      assertEquals(200, s.get("/health").status());
      var m = s.get("/metrics", As.METRICS);
      assertEquals(200, m.status());
      assertTrue(m.body().contains("jvm_memory_used_bytes"), "JVM metrics");
      assertTrue(m.body().contains("vertx_http_server"), "HTTP metrics");
      assertTrue(m.body().contains("vertx_pool"), "pool metrics");
    }
  }
}
