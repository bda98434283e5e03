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
 *
 * <p>Values the lane's previous batch drew ahead ({@link ValuesAhead}) are handed out first; only
 * when they are used up does the batch draw, and then only as many as its units may still ask for.
 */
public final class BatchValues {
  /** Per statement: the rows drawn for the batch and how many were handed out. */
  private final Map<String, Block> blocks = new HashMap<>();
  /** Per statement: how many rows this batch's units took, ahead or drawn. */
  private final Map<String, Integer> taken = new HashMap<>();
  private final int units;
  private final ValuesAhead ahead;

  /** @param ahead the lane's values drawn ahead, or null to draw every value in the batch */
  BatchValues(int units, ValuesAhead ahead) {
    this.units = Math.max(1, units);
    this.ahead = ahead;
  }

  /** The next row of {@code sql}'s values for this unit of {@code client}'s batch. */
  public static Future<Row> next(SqlClient client, String sql) {
    if (client instanceof BatchConnection batch) {
      return batch.values().take(batch, sql);
    }
    return one(client, sql);
  }

  /** One row of {@code sql}'s values, drawn at once. */
  static Future<Row> one(SqlClient client, String sql) {
    return client.preparedQuery(sql).execute(Tuple.of(1)).map(rows -> rows.iterator().next());
  }

  /** {@code count} rows of {@code sql}'s values, in one statement. */
  static Future<List<Row>> draw(SqlClient client, String sql, int count) {
    return client.preparedQuery(sql).execute(Tuple.of(count)).map(set -> {
      List<Row> out = new ArrayList<>(set.size());
      set.forEach(out::add);
      return out;
    });
  }

  private Future<Row> take(SqlClient client, String sql) {
    int before = taken.merge(sql, 1, Integer::sum) - 1;
    Future<Row> drawnAhead = ahead == null ? null : ahead.take(client, sql, System.nanoTime());
    if (drawnAhead != null) {
      return drawnAhead;
    }
    Block block = blocks.get(sql);
    if (block == null || block.handedOut == block.size) {
      // As many as the units may still ask for; more asks than units (a unit that creates two
      // rows): another block of the batch's size.
      int size = before < units ? units - before : units;
      block = new Block(draw(client, sql, size), size);
      blocks.put(sql, block);
    }
    int index = block.handedOut++;
    return block.rows.map(rows -> rows.get(index));
  }

  /**
   * Tops up the lane's values drawn ahead to twice what this batch took of each statement; sent
   * in this batch's transaction, before its rows, so the answer is there when the next one starts.
   */
  void drawAhead(SqlClient client) {
    if (ahead != null) {
      long now = System.nanoTime();
      taken.forEach((sql, count) -> {
        int missing = 2 * count - ahead.usable(sql, now);
        if (missing > 0) {
          ahead.draw(client, sql, missing, now);
        }
      });
    }
  }

  private static final class Block {
    final Future<List<Row>> rows;
    final int size;
    int handedOut;

    Block(Future<List<Row>> rows, int size) {
      this.rows = rows;
      this.size = size;
    }
  }
}
