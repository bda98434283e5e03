package org.open12345.hotline.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sequence values one event loop's batches draw for the batches after them. A busy lane's batch
 * tops them up, along with its own writes, to twice what it used (the next batch is often larger:
 * it holds what arrived meanwhile); the next batch hands them to its units without asking
 * PostgreSQL, so a batch whose units need nothing else from the database sends BEGIN, its rows
 * and its COMMIT in one go and waits once.
 *
 * <p>Values are kept for {@link #KEEP} at most, then dropped (a gap, as any sequence may
 * leave): a ticket's number is drawn at most that long before the ticket is made, so numbers stay
 * in the order tickets are made, across event loops and instances, to within that time (a batch's
 * own draw already put them a batch's wait apart). Touched only from its lane's event loop.
 */
final class ValuesAhead {
  /** How long drawn values stay usable; batches of a busy lane follow each other within it. */
  static final Duration KEEP = Duration.ofMillis(20);

  /** Per statement, oldest first: values of a later draw are handed out after an earlier's. */
  private final Map<String, ArrayDeque<Block>> blocks = new HashMap<>();
  private final long keepNanos;

  ValuesAhead(Duration keep) {
    this.keepNanos = keep.toNanos();
  }

  /**
   * The next value drawn ahead for {@code sql}, or null when none is left or they are too old.
   * Should the draw have failed, the value is drawn again, alone, on {@code client}.
   */
  Future<Row> take(SqlClient client, String sql, long now) {
    Block block = firstUsable(sql, now);
    if (block == null) {
      return null;
    }
    int index = block.handedOut++;
    return block.rows.transform(drawn -> drawn.succeeded()
        ? Future.succeededFuture(drawn.result().get(index))
        : BatchValues.one(client, sql));
  }

  /** How many values of {@code sql} are drawn ahead and still usable. */
  int usable(String sql, long now) {
    firstUsable(sql, now);
    ArrayDeque<Block> queue = blocks.get(sql);
    int n = 0;
    if (queue != null) {
      for (Block b : queue) {
        n += b.size - b.handedOut;
      }
    }
    return n;
  }

  /** Draws {@code count} values of {@code sql} (one parameter: how many) after those already drawn. */
  void draw(SqlClient client, String sql, int count, long now) {
    Block block = new Block(BatchValues.draw(client, sql, count), count, now);
    blocks.computeIfAbsent(sql, k -> new ArrayDeque<>()).addLast(block);
  }

  /** Drops used-up, failed and too old blocks from the front; the oldest block left, or null. */
  private Block firstUsable(String sql, long now) {
    ArrayDeque<Block> queue = blocks.get(sql);
    if (queue == null) {
      return null;
    }
    // blocks are drawn in order, so once the first is fresh enough, so are the ones after it
    while (!queue.isEmpty()) {
      Block b = queue.peekFirst();
      if (now - b.drawnAt > keepNanos || b.handedOut == b.size || b.rows.failed()) {
        queue.pollFirst();
      } else {
        return b;
      }
    }
    return null;
  }

  private static final class Block {
    final Future<List<Row>> rows;
    final int size;
    final long drawnAt;
    int handedOut;

    Block(Future<List<Row>> rows, int size, long drawnAt) {
      this.rows = rows;
      this.size = size;
      this.drawnAt = drawnAt;
    }
  }
}
