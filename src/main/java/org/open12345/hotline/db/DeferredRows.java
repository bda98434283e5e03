package org.open12345.hotline.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-row writes for a group-commit batch. A repository hands rows to {@link #write} as one
 * array per column, for a statement whose parameters are exactly those arrays (an
 * {@code INSERT … SELECT … FROM unnest($1::…[], …)}). Outside a batch the statement runs at once,
 * so the single path runs the very same SQL. Inside a batch the rows wait, and at the batch's end
 * the rows of every unit that used the same statement go together: a batch of 64 tickets writes
 * its 640 ladder steps with one statement instead of 64, which is where PostgreSQL's time per
 * ticket went (planning, executor start-up and a protocol round per statement).
 *
 * <p>Only for rows nothing in the same transaction reads before the batch ends; a repository
 * whose other statements touch the same table calls {@link #flushed} before them, so they see
 * the rows. A failed flush fails the whole batch, which is then re-run unit by unit (see
 * {@link GroupCommit}), each unit's rows then going at once.
 */
public final class DeferredRows {
  /** Statement → one list of column chunks per column, in arrival order. */
  private final Map<String, List<Object[]>> pending = new LinkedHashMap<>();
  /** Rows their writer may still change before they are sent, by the writer's key. */
  private final Map<Object, Object[]> kept = new HashMap<>();

  /** True when {@code client} is a group-commit batch's connection (writes wait for its end). */
  public static boolean inBatch(SqlClient client) {
    return client instanceof BatchConnection;
  }

  /**
   * As {@link #write}, and the row's columns stay reachable under {@code key} until they are sent
   * ({@link #kept}): e.g. a new ticket that its creation dispatches at once is written dispatched,
   * instead of inserted and then updated (an UPDATE that rewrites every index of the row).
   */
  public static Future<Void> writeKept(SqlClient client, String sql, Object key, Object... columns) {
    if (client instanceof BatchConnection batch) {
      batch.deferred().kept.put(key, columns);
    }
    return write(client, sql, columns);
  }

  /**
   * The columns written with {@link #writeKept} under {@code key} (arrays of one row each, to change
   * in place), while they still wait on {@code client}'s batch; null once sent or outside a batch.
   */
  public static Object[] kept(SqlClient client, Object key) {
    return client instanceof BatchConnection batch ? batch.deferred().kept.get(key) : null;
  }

  /**
   * Writes {@code columns} with {@code sql} now, or at the end of the group-commit batch
   * {@code client} belongs to.
   *
   * @param columns one array per parameter of {@code sql}, all of the same length (the rows)
   */
  public static Future<Void> write(SqlClient client, String sql, Object... columns) {
    if (client instanceof BatchConnection batch) {
      batch.deferred().add(sql, columns);
      return Future.succeededFuture();
    }
    return client.preparedQuery(sql).execute(Tuple.from(columns)).mapEmpty();
  }

  /** Completes once the rows waiting on {@code client}'s batch (if any) are written. */
  public static Future<Void> flushed(SqlClient client) {
    if (client instanceof BatchConnection batch) {
      return batch.deferred().flush(batch);
    }
    return Future.succeededFuture();
  }

  boolean isEmpty() {
    return pending.isEmpty();
  }

  private void add(String sql, Object[] columns) {
    List<Object[]> chunks = pending.computeIfAbsent(sql, k -> new ArrayList<>());
    chunks.add(columns);
  }

  /** Sends every waiting statement (pipelined), oldest first; the rows leave this buffer at once. */
  Future<Void> flush(SqlClient client) {
    if (pending.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Future<?>> sent = new ArrayList<>(pending.size());
    for (Map.Entry<String, List<Object[]>> e : pending.entrySet()) {
      sent.add(client.preparedQuery(e.getKey()).execute(Tuple.from(concat(e.getValue()))));
    }
    pending.clear();
    kept.clear();
    return Future.all(sent).mapEmpty();
  }

  /** Column-wise concatenation of chunks of equal shape. */
  static Object[] concat(List<Object[]> chunks) {
    Object[] first = chunks.get(0);
    if (chunks.size() == 1) {
      return first;
    }
    Object[] merged = new Object[first.length];
    for (int c = 0; c < first.length; c++) {
      int total = 0;
      for (Object[] chunk : chunks) {
        total += Array.getLength(chunk[c]);
      }
      Object column = Array.newInstance(first[c].getClass().getComponentType(), total);
      int at = 0;
      for (Object[] chunk : chunks) {
        int n = Array.getLength(chunk[c]);
        System.arraycopy(chunk[c], 0, column, at, n);
        at += n;
      }
      merged[c] = column;
    }
    return merged;
  }
}
