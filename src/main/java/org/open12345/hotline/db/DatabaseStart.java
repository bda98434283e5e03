package org.open12345.hotline.db;

import java.nio.file.Path;
import org.open12345.hotline.config.HotlineConfig;

/**
 * The database a configuration names, ready to use: the external one at {@code db.url}, or the
 * embedded PostgreSQL (started unless already running), with the schema migrated. Blocking; for
 * start-up and the command line.
 */
public final class DatabaseStart implements AutoCloseable {
  private final DatabaseUrl url;
  private final EmbeddedPostgres embedded;

  private DatabaseStart(DatabaseUrl url, EmbeddedPostgres embedded) {
    this.url = url;
    this.embedded = embedded;
  }

  public static DatabaseStart open(HotlineConfig config) throws Exception {
    EmbeddedPostgres embedded = null;
    DatabaseUrl db;
    if (config.string("db.url").isEmpty()) {
      embedded = new EmbeddedPostgres(Path.of(config.string("db.embedded.dir")), config.integer("db.embedded.port"),
          config.string("db.embedded.run_as"));
      db = DatabaseUrl.parse(embedded.start()).withDatabase("hotline");
    } else {
      db = DatabaseUrl.parse(config.string("db.url"));
    }
    DatabaseStart started = new DatabaseStart(db, embedded);
    try {
      if (embedded != null) {
        DatabaseSetup.ensureDatabase(db);
      }
      DatabaseSetup.migrate(db);
      return started;
    } catch (Exception e) {
      started.stop();
      throw e;
    }
  }

  public DatabaseUrl url() {
    return url;
  }

  /**
   * For a command run beside a server: stops the embedded PostgreSQL only if this start launched
   * it; one a running hotline server uses stays up.
   */
  @Override
  public void close() {
    if (embedded != null && !embedded.reused()) {
      embedded.stop();
    }
  }

  /** For the server's own stop: the embedded PostgreSQL stops, also one a killed server had left. */
  public void stop() {
    if (embedded != null) {
      embedded.stop();
    }
  }
}
