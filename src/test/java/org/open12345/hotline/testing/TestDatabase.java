package org.open12345.hotline.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.open12345.hotline.db.DatabaseUrl;
import org.open12345.hotline.db.EmbeddedPostgres;

/**
 * The PostgreSQL tests run against: the one at $HOTLINE_TEST_DB_URL when set, else one embedded
 * server per test JVM (started as an unprivileged account when the tests run as root, as in CI).
 * Each caller of {@link #freshDatabase()} gets a new, empty database of its own.
 */
public final class TestDatabase {
  private static DatabaseUrl server;

  private TestDatabase() {}

  public static synchronized DatabaseUrl server() {
    if (server != null) {
      return server;
    }
    String external = System.getenv("HOTLINE_TEST_DB_URL");
    try {
      if (external != null && !external.isBlank()) {
        server = DatabaseUrl.parse(external);
      } else {
        // /tmp, not target/: the unprivileged account must be able to reach every parent folder.
        Path dir = Files.createTempDirectory("hotline-test-pg-");
        dir.toFile().setExecutable(true, false);
        dir.toFile().setReadable(true, false);
        EmbeddedPostgres pg = new EmbeddedPostgres(dir, FreePort.find(), "nobody");
        server = DatabaseUrl.parse(pg.start());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          pg.stop();
          try {
            deleteTree(dir);
          } catch (Exception ignored) {
            // Best effort: a leftover folder in /tmp is harmless.
          }
        }));
      }
      return server;
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the test database", e);
    }
  }

  /** A new empty database on the test server; nothing else uses it. */
  public static DatabaseUrl freshDatabase() {
    DatabaseUrl s = server();
    String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(s.withDatabase("postgres").jdbcUrl(), s.user(), s.password());
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create test database", e);
    }
    return s.withDatabase(name);
  }

  private static void deleteTree(Path p) throws Exception {
    try (var walk = Files.walk(p)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
    }
  }
}
