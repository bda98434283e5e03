package org.open12345.hotline.notify;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.Await;

/** The supervisors' addresses: only what the config can reach, and one warning for what it cannot. */
class SupervisorsTest {
  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    Await.result(vertx.close());
  }

  private MessageSenders senders(Map<String, Object> messaging) {
    return MessageSenders.fromConfig(vertx, new JsonObject(messaging));
  }

  @Test
  void anUnconfiguredRobotIsSkippedWithOneWarningNotADeadLetterPerAlert() {
    List<String> warnings = new ArrayList<>();
    Supervisors s = Supervisors.usable("wecom", "supervisors", List.of("duban@example.gov.cn"),
        senders(Map.of("mail", Map.of("host", "localhost", "from", "a@b.cn"))), warnings);
    assertNull(s.robotChannel());
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("escalation.robot_channel") && warnings.get(0).contains("messaging.wecom"));
    List<NewMessage> alert = s.alert("emergency-transfer", "主题", "正文", "emergency:1", null, null);
    assertEquals(List.of("mail:duban@example.gov.cn"), alert.stream().map(m -> m.channel() + ":" + m.recipient()).toList());
    assertEquals(List.of(), s.robotOnly("escalation-supervise", "正文", "k", null, null));
  }

  @Test
  void aConfiguredRobotOfAnotherNameIsNotTheSupervisors() {
    List<String> warnings = new ArrayList<>();
    Supervisors s = Supervisors.usable("dingtalk", "supervisors", List.of(),
        senders(Map.of("dingtalk", Map.of("robots", Map.of("duty", Map.of("accessToken", "t"))))), warnings);
    assertFalse(s.reachable());
    assertEquals(2, warnings.size(), "the robot, and nobody left to alert: " + warnings);
  }

  @Test
  void aConfiguredRobotAndMailboxesGetEveryAlert() {
    List<String> warnings = new ArrayList<>();
    Supervisors s = Supervisors.usable("wecom", "supervisors", List.of("a@x.cn", "b@x.cn"),
        senders(Map.of("mail", Map.of("host", "localhost", "from", "a@b.cn"),
            "wecom", Map.of("robots", Map.of("supervisors", Map.of("key", "k"))))), warnings);
    assertEquals(List.of(), warnings);
    List<NewMessage> alert = s.alert("emergency-transfer", "主题", "正文", "emergency:7", null, 3L);
    assertEquals(List.of("wecom:supervisors:emergency:7:robot", "mail:a@x.cn:emergency:7:mail:a@x.cn",
        "mail:b@x.cn:emergency:7:mail:b@x.cn"),
        alert.stream().map(m -> m.channel() + ":" + m.recipient() + ":" + m.dedupeKey()).toList());
    assertEquals("主题", alert.get(1).subject());
  }

  @Test
  void noRobotChannelAtAllIsAChoiceNotAWarningWhenMailboxesExist() {
    List<String> warnings = new ArrayList<>();
    Supervisors s = Supervisors.usable("", "supervisors", List.of("a@x.cn"),
        senders(Map.of("mail", Map.of("host", "localhost", "from", "a@b.cn"))), warnings);
    assertEquals(List.of(), warnings);
    assertTrue(s.reachable());
  }
}
