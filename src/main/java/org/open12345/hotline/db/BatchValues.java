package org.open12345.hotline.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Values drawn from sequences for a whole group-commit batch at once: one statement per batch
 * instead of one per unit, so the units' rows can be built in Java and written multi-row
 * ({@link DeferredRows}). The statement takes one parameter, how many rows, and returns that many
 * (e.g. {@code SELECT nextval('s') FROM generate_series(1, $1)}). Outside a batch it asks for one.
 *
 * <p>Units get the rows in the order they ask, which is the order they were submitted in; values a
 * batch drew and no unit used (a unit that created nothing, a batch rolled back and run again) are
 * lost, as sequence values are: sequences promise uniqueness and order, not the absence of gaps.
 */
public final class BatchValues {
  /** Per statement: the rows drawn for the batch and how many were handed out. */
  private final Map<String, Block> blocks = new HashMap<>();
  private final int units;

  BatchValues(int units) {
    this.units = Math.max(1, units);
  }

  /** The next row of {@code sql}'s values for this unit of {@code client}'s batch. */
  public static Future<Row> next(SqlClient client, String sql) {
    if (client instanceof BatchConnection batch) {
      return batch.values().take(batch, sql);
    }
    return client.preparedQuery(sql).execute(Tuple.of(1)).map(rows -> rows.iterator().next());
  }

  private Future<Row> take(SqlClient client, String sql) {
    Block block = blocks.get(sql);
    if (block == null || block.handedOut == units) {
      // More asks than units (a unit that creates two rows): another block of the batch's size.
      Future<List<Row>> rows = client.preparedQuery(sql).execute(Tuple.of(units)).map(set -> {
        List<Row> out = new ArrayList<>(set.size());
        set.forEach(out::add);
        return out;
      });
      block = new Block(rows);
      blocks.put(sql, block);
    }
    int index = block.handedOut++;
    return block.rows.map(rows -> rows.get(index));
  }

  private static final class Block {
    final Future<List<Row>> rows;
    int handedOut;

    Block(Future<List<Row>> rows) {
      this.rows = rows;
    }
  }
}
