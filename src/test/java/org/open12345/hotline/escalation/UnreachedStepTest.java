package org.open12345.hotline.escalation;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.intake.IntakeTesting.count;
import static org.open12345.hotline.intake.IntakeTesting.text;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.deadline.ManualClock;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * A ladder step never fires silently (issue 12 item 9): one whose department nothing reaches goes
 * to the supervisors with the reason, and a robot channel nobody configured is skipped, not
 * dead-lettered; /ready says both.
 */
class UnreachedStepTest {
  static final Instant MONDAY_10 = Instant.parse("2026-03-02T02:00:00Z");

  @Test
  void aStepForADepartmentWithoutContactsGoesToTheSupervisorsWithTheReason() throws Exception {
    ManualClock clock = new ManualClock(MONDAY_10);
    try (TestServer s = TestServer.start(Map.of("escalation.scheduler_enabled", "false",
        "outbox.relay_enabled", "false", "escalation.supervisors_mail", "duban@example.gov.cn"), clock)) {
      Response created = s.postJson("/api/tickets", new JsonObject().put("citizen_phone", "13800138000")
          .put("request_type", "咨询").put("description", "自治区层面的政策咨询"), As.OPERATOR);
      String n = created.json().getString("number");
      assertEquals(200, s.postJson("/api/tickets/" + n + "/actions/dispatch",
          new JsonObject().put("department_id", "nmg"), "X-Hotline-Role", "DISPATCHER").status());

      Await.result(s.server().features().escalation.scheduler().drain(MONDAY_10.plus(Duration.ofMinutes(90))));
      String reminder = text(s, "SELECT text_body FROM outbox WHERE dedupe_key = ?",
          "step:" + n + ":SIGN:REMIND:unreached:mail:duban@example.gov.cn");
      assertNotNull(reminder, "the 催办 for a department without contacts reaches the supervisors");
      assertTrue(reminder.contains("未配置邮箱、群机器人或值班手机"), reminder);
      assertEquals(0, count(s, "SELECT count(*) FROM outbox WHERE channel IN ('wecom', 'dingtalk')"),
          "no robot is configured: nothing is queued for one");

      JsonArray warnings = s.get("/ready").json().getJsonArray("notes");
      assertTrue(warnings.stream().anyMatch(w -> w.toString().contains("escalation.robot_channel")), warnings.encode());
      assertTrue(warnings.stream().anyMatch(w -> w.toString().startsWith("departments.yaml: nmg ")), warnings.encode());
    }
  }
}
