package org.open12345.hotline.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.config.HotlineConfig;
import org.open12345.hotline.db.DatabaseUrl;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestDatabase;
import org.open12345.hotline.testing.TestServer;

/** {@code routing backtest}: the free-text model learned on the older history, scored on the newer. */
class RoutingBacktestTest {
  private final DatabaseUrl db = TestDatabase.freshDatabase();
  private static final String[] COLD = {"家里只有十二度，老人孩子受不了", "屋里十三度，晚上盖两床被子", "卧室才十四度，孩子感冒了",
      "客厅十二度穿羽绒服", "温度计显示十三度，一直这样", "白天十四度晚上更低", "家里十二度左右，受不了了", "屋里冰冷，才十三度",
      "我家才十三度，暖和不起来", "孩子在家十二度冻得哭"};
  private static final String[] LAMP = {"小区门口的灯不亮了", "马路边的灯坏了好几盏", "晚上路灯全黑，走路害怕", "街上的灯一到晚上就不亮",
      "灯杆倒了没人管", "桥下的灯不亮，很黑", "十字路口的灯坏了一个月", "胡同里的灯都不亮", "楼下那排灯全灭了", "公园里的灯不亮"};

  private String run(String... args) throws Exception {
    CommandLine cl = CommandLine.parse(args);
    HotlineConfig config = HotlineConfig.load(null, Map.of(), Map.of("db.url", db.uri()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = AdminCommands.run(cl, config, Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8),
        System.err);
    assertEquals(0, status);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Tickets filed with their codes at {@code day} (dispatched by the rules: a known final department). */
  private void file(String day, int from, int to) {
    Clock at = Clock.fixed(Instant.parse(day + "T02:00:00Z"), ZoneOffset.UTC);
    try (TestServer s = TestServer.start(db, Map.of(), at)) {
      for (int i = from; i < to; i++) {
        for (String[] kind : new String[][] {COLD, LAMP}) {
          var r = s.postJson("/api/tickets", new JsonObject().put("citizen_phone", "13800138000")
              .put("request_type", "投诉").put("category_code", kind == COLD ? "020301" : "030300")
              .put("description", kind[i]), As.OPERATOR);
          assertEquals("DISPATCHED", r.json().getString("status"), r.body());
        }
      }
    }
  }

  @Test
  void learnsOnTheOlderHistoryAndScoresTheNewer() throws Exception {
    file("2026-01-10", 0, 8);
    file("2026-06-10", 8, 10);
    String out = run("routing", "backtest", "--since", "2026-03-01");
    assertTrue(out.contains("history: 20 tickets with a known final department, 20 labelled; trained on 16 before "
        + "2026-02-28T16:00:00Z, scoring 4"), out);
    assertTrue(out.contains("vocabulary + model:"), out);
    assertTrue(out.matches("(?s).*vocabulary \\+ model:\\s+routed right on their own +\\d / 4 .*"), out);

    String fifth = run("routing", "backtest");
    assertTrue(fifth.contains("trained on 16 before 2026-06-10T02:00:00Z, scoring 4"), fifth);
  }
}
