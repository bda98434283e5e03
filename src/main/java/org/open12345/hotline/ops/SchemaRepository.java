package org.open12345.hotline.ops;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.Optional;

/** The schema version Flyway last applied: proof that the database answers and is migrated. */
public final class SchemaRepository {
  private final Pool pool;

  public SchemaRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Optional<String>> currentVersion() {
    return pool.query("""
            SELECT version FROM flyway_schema_history
             WHERE success ORDER BY installed_rank DESC LIMIT 1""")
        .execute()
        .map(rows -> rows.iterator().hasNext()
            ? Optional.ofNullable(rows.iterator().next().getString(0)) : Optional.empty());
  }
}
