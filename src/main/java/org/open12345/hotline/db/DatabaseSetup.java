package org.open12345.hotline.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blocking start-up work on the database, done once before the event loop serves anything:
 * create the database if the embedded server has none yet, then migrate.
 */
public final class DatabaseSetup {
  private static final Logger log = LoggerFactory.getLogger(DatabaseSetup.class);

  private DatabaseSetup() {}

  /** Creates {@code target.database()} through a maintenance connection unless it exists. */
  public static void ensureDatabase(DatabaseUrl target) throws SQLException {
    DatabaseUrl maintenance = target.withDatabase("postgres");
    try (Connection c = DriverManager.getConnection(maintenance.jdbcUrl(), target.user(), target.password());
        PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      q.setString(1, target.database());
      try (ResultSet rs = q.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
      try (Statement s = c.createStatement()) {
        // Identifier comes from our own configuration, not from a request; quoted anyway.
        s.execute("CREATE DATABASE \"" + target.database().replace("\"", "\"\"") + "\" ENCODING 'UTF8'");
        log.info("created database {}", target.database());
      } catch (SQLException e) {
        // Two servers starting at once: the other one created it first.
        if (!"42P04".equals(e.getSQLState())) {
          throw e;
        }
      }
    }
  }

  /**
   * Applies the migrations in db/migration. Flyway takes a PostgreSQL advisory lock, so two
   * servers starting at once migrate one after the other, and a second run finds nothing to do.
   */
  public static MigrateResult migrate(DatabaseUrl url) {
    Flyway flyway = Flyway.configure()
        .dataSource(url.jdbcUrl(), url.user(), url.password())
        .locations("classpath:db/migration")
        .load();
    MigrateResult result = flyway.migrate();
    log.info("database schema at version {} ({} migrations applied now)",
        flyway.info().current() == null ? "none" : flyway.info().current().getVersion(), result.migrationsExecuted);
    return result;
  }
}
