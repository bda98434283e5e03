package org.open12345.hotline.escalation;

import static org.junit.jupiter.api.Assertions.*;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.db.DatabaseUrl;
import org.open12345.hotline.deadline.ManualClock;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.FreePort;
import org.open12345.hotline.testing.TestDatabase;
import org.open12345.hotline.testing.TestServer;

/**
 * Three server instances on one database, their periodic schedulers deciding by the database
 * clock, racing over many tickets whose every step is already due; one instance is stopped in the
 * middle of the run and a fresh one started. Each step must fire exactly once: one fired row, one
 * event, its messages once in the outbox and once at the SMTP server.
 */
class ThreeSchedulersRaceTest {
  static final List<String> DEPARTMENTS =
      List.of("hhht.housing", "hhht.market", "hhht.transport", "hhht.environment", "hhht.hrss");
  static final int TICKETS = 40;
  // Months before the real date: every ladder step of these tickets is due by the database clock.
  static final Instant PAST = Instant.parse("2026-03-02T02:00:00Z");

  @Test
  void eachStepFiresExactlyOnceAcrossInstancesAndARestart() throws Exception {
    DatabaseUrl db = TestDatabase.freshDatabase();
    int smtpPort = FreePort.find();
    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Map<String, String> o = new HashMap<>();
    o.put("escalation.poll_interval", "1s");
    o.put("escalation.batch_size", "7");
    o.put("escalation.robot_channel", "");
    o.put("outbox.poll_interval", "1s");
    o.put("outbox.claim_lease", "3s");
    o.put("messaging.mail.host", "127.0.0.1");
    o.put("messaging.mail.port", String.valueOf(smtpPort));
    o.put("messaging.mail.from", "12345 <noreply@12345.example.gov.cn>");
    o.put("messaging.mail.starttls", "disabled");
    ManualClock clock = new ManualClock(PAST);
    List<TestServer> servers = new ArrayList<>();
    try {
      servers.add(TestServer.start(db, o, clock));
      servers.add(TestServer.start(db, o, clock));
      servers.add(TestServer.start(db, o, clock));
      TestServer front = servers.get(0);
      for (int i = 0; i < TICKETS; i++) {
        var r = front.postJson("/api/tickets", new JsonObject().put("citizen_phone", "1380013" + (8000 + i))
            .put("request_type", "投诉").put("description", "噪音扰民 " + i), As.OPERATOR);
        assertEquals(201, r.status(), r.body());
        var d = front.postJson("/api/tickets/" + r.json().getString("number") + "/actions/dispatch",
            new JsonObject().put("department_id", DEPARTMENTS.get(i % 5)), "X-Hotline-Role", "DISPATCHER");
        assertEquals(200, d.status(), d.body());
        if (i == TICKETS / 3) {
          // Stop one instance mid-run (its in-flight round commits or rolls back), start another.
          servers.remove(1).close();
          servers.add(TestServer.start(db, o, clock));
        }
        if (i == 2 * TICKETS / 3) {
          // Kill one as kill -9 would: its Vert.x goes at once, no graceful shutdown; the database
          // drops its connections and rolls back whatever it had claimed but not committed.
          servers.remove(0).server().vertx().close();
          front = servers.get(0);
          servers.add(TestServer.start(db, o, clock));
        }
      }
      // The ordinary policy: three steps per deadline, and resolve has two reminders (75% and 1d).
      int steps = TICKETS * 10;
      awaitCount(db, "SELECT count(*) FROM escalation_steps WHERE status = 'fired'", steps);
      assertEquals(0, count(db, "SELECT count(*) FROM escalation_steps WHERE status = 'planned'"));
      assertEquals(steps, count(db, "SELECT count(*) FROM ticket_events WHERE action IN ('REMIND','SUPERVISE','ESCALATE')"));
      assertEquals(steps, count(db, "SELECT count(DISTINCT details->>'step_key') FROM ticket_events "
          + "WHERE action IN ('REMIND','SUPERVISE','ESCALATE')"));
      // Per deadline: 催办 1 mail per reminder, 督办 2 (department + its level-1 leader), 通报 1 (the
      // parent, 呼和浩特市; no supervisors' box configured here); resolve's second reminder 1 more.
      int mails = TICKETS * (3 * 4 + 1);
      assertEquals(mails, count(db, "SELECT count(*) FROM outbox WHERE channel = 'mail'"));
      awaitCount(db, "SELECT count(*) FROM outbox WHERE status = 'sent'", mails);
      assertTrue(smtp.waitForIncomingEmail(30_000, mails));
      // A relay killed after the SMTP server took a mail but before it recorded that may send it
      // again after its claim expires (at least once); the Message-ID derived from the step key is
      // the same, so each step is one distinct message at the SMTP server.
      java.util.Set<String> ids = new java.util.HashSet<>();
      for (var m : smtp.getReceivedMessages()) {
        ids.add(m.getMessageID());
      }
      assertEquals(mails, ids.size(), "each step's mail once (by Message-ID) at the SMTP server");
      System.out.println("fired per instance: "
          + rows(db, "SELECT fired_by || '=' || count(*) FROM escalation_steps GROUP BY fired_by"));
    } finally {
      servers.forEach(TestServer::close);
      smtp.stop();
    }
  }

  static void awaitCount(DatabaseUrl db, String sql, long expected) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    long n = -1;
    while (System.nanoTime() < deadline) {
      n = count(db, sql);
      if (n >= expected) {
        assertEquals(expected, n, sql);
        return;
      }
      Thread.onSpinWait();
      java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
    }
    fail(sql + ": " + n + " after 60 s, expected " + expected);
  }

  static long count(DatabaseUrl db, String sql) throws Exception {
    return Long.parseLong(rows(db, sql).get(0));
  }

  static List<String> rows(DatabaseUrl db, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }
}
