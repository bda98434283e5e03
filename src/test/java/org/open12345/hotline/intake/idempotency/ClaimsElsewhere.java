package org.open12345.hotline.intake.idempotency;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.open12345.hotline.testing.TestServer;

/**
 * A key claimed by another transaction of the same database, as another instance (or one whose
 * connection went dark) holds it: opened here, committed or left open by the test.
 */
public final class ClaimsElsewhere {
  private ClaimsElsewhere() {}

  /** A transaction of its own on the server's database (not committed until the test says so). */
  public static Connection transaction(TestServer server) throws SQLException {
    var db = server.database();
    Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    c.setAutoCommit(false);
    return c;
  }

  /** Takes the key's lock as every claim does first: a claim elsewhere then finds the key busy. */
  public static void lock(Connection c, SubmissionKey key) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement(
        "SELECT pg_advisory_xact_lock(hashtextextended('web-key:' || ?, 0))")) {
      lock.setString(1, key.keyHash());
      lock.execute();
    }
  }

  /** Stores the key's claim of an existing ticket; {@code salt} null for a channel without query codes. */
  public static void insert(Connection c, SubmissionKey key, long ticketId, String number, byte[] salt)
      throws SQLException {
    try (PreparedStatement claim = c.prepareStatement("""
        INSERT INTO web_submission_keys (key_hash, content_hash, ticket_id, ticket_number, code_salt, created_at)
        VALUES (?, ?, ?, ?, ?, now())""")) {
      claim.setString(1, key.keyHash());
      claim.setString(2, key.contentHash());
      claim.setLong(3, ticketId);
      claim.setString(4, number);
      claim.setBytes(5, salt);
      claim.executeUpdate();
    }
  }
}
