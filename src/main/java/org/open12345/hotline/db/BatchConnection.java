package org.open12345.hotline.db;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.sqlclient.PrepareOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.PreparedStatement;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.spi.DatabaseMetadata;

/**
 * The connection a group-commit batch's units share: the connection itself, plus the rows its
 * units leave for one multi-row statement at the batch's end ({@link DeferredRows}) and the
 * sequence values drawn for all of them at once ({@link BatchValues}), and the claims its units
 * write at its end ({@link ClaimsAtEnd}).
 */
final class BatchConnection implements SqlConnection {
  private final SqlConnection conn;
  private final DeferredRows deferred = new DeferredRows();
  private final BatchValues values;
  private final ClaimsAtEnd claims;

  /**
   * @param units how many units share the connection (how many values a sequence block draws)
   * @param ahead the lane's values drawn ahead, or null
   * @param claimsAtEnd whether the units may write their claims at the batch's end
   */
  BatchConnection(SqlConnection conn, int units, ValuesAhead ahead, boolean claimsAtEnd) {
    this.conn = conn;
    this.values = new BatchValues(units, ahead);
    this.claims = new ClaimsAtEnd(claimsAtEnd);
  }

  DeferredRows deferred() {
    return deferred;
  }

  BatchValues values() {
    return values;
  }

  ClaimsAtEnd claims() {
    return claims;
  }

  @Override
  public Query<RowSet<Row>> query(String sql) {
    return conn.query(sql);
  }

  @Override
  public PreparedQuery<RowSet<Row>> preparedQuery(String sql) {
    return conn.preparedQuery(sql);
  }

  @Override
  public PreparedQuery<RowSet<Row>> preparedQuery(String sql, PrepareOptions options) {
    return conn.preparedQuery(sql, options);
  }

  @Override
  public Future<PreparedStatement> prepare(String sql) {
    return conn.prepare(sql);
  }

  @Override
  public Future<PreparedStatement> prepare(String sql, PrepareOptions options) {
    return conn.prepare(sql, options);
  }

  @Override
  public SqlConnection exceptionHandler(Handler<Throwable> handler) {
    conn.exceptionHandler(handler);
    return this;
  }

  @Override
  public SqlConnection closeHandler(Handler<Void> handler) {
    conn.closeHandler(handler);
    return this;
  }

  @Override
  public Future<Transaction> begin() {
    return conn.begin();
  }

  @Override
  public Transaction transaction() {
    return conn.transaction();
  }

  @Override
  public boolean isSSL() {
    return conn.isSSL();
  }

  @Override
  public DatabaseMetadata databaseMetadata() {
    return conn.databaseMetadata();
  }

  @Override
  public Future<Void> close() {
    return conn.close();
  }
}
