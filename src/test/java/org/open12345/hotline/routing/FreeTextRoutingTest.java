package org.open12345.hotline.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;

/** Issue 13: free text without a category code reaches the right department through the shipped vocabulary. */
class FreeTextRoutingTest {
  /** The issue's 20 everyday contacts and where the shipped rules send each. */
  private static final Map<String, String> EVERYDAY = new LinkedHashMap<>();

  static {
    EVERYDAY.put("小区暖气不热，室温只有15度", "hhht.heating");
    EVERYDAY.put("家里停水两天了，什么时候来水", "hhht.watersupply");
    EVERYDAY.put("老板拖欠工资三个月了不给", "hhht.hrss");
    EVERYDAY.put("路上井盖丢了，晚上很危险", "hhht.housing");
    EVERYDAY.put("出租车拒载，说不顺路", "hhht.transport");
    EVERYDAY.put("药店卖过期药", "hhht.health");
    EVERYDAY.put("楼下烧烤店油烟太大，窗户都不敢开", "hhht.environment");
    EVERYDAY.put("晚上工地施工噪音太大睡不着", "hhht.housing");
    EVERYDAY.put("物业不给修单元门", "hhht.housing");
    EVERYDAY.put("电费突然翻倍了，电表是不是有问题", "hhht.power");
    EVERYDAY.put("自来水发黄有异味", "hhht.watersupply");
    EVERYDAY.put("暖气片漏水把楼下淹了", "hhht.heating");
    EVERYDAY.put("公交车不按站停车", "hhht.transport");
    EVERYDAY.put("健身房跑路了，预付卡的钱退不了", "hhht.market");
    EVERYDAY.put("孩子上学划片不合理", "hhht.education");
    EVERYDAY.put("公司不给交社保", "hhht.hrss");
    EVERYDAY.put("小区门口有人占道摆摊", "hhht.urban");
    EVERYDAY.put("垃圾好几天没人清运了", "hhht.urban");
    EVERYDAY.put("身份证丢了怎么补办", "hhht.police");
    EVERYDAY.put("家里闻到煤气味", "hhht.gas");
  }

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject explain(JsonObject draft) {
    TestServer.Response r = server.postJson("/api/routing/explain", draft, As.DISPATCHER);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  private static JsonObject explain(String description) {
    return explain(new JsonObject().put("description", description).put("time", "14:00"));
  }

  @Test
  void twentyEverydayContactsRouteThemselvesToTheRightDepartment() {
    List<String> wrong = new ArrayList<>();
    int routed = 0;
    for (Map.Entry<String, String> e : EVERYDAY.entrySet()) {
      JsonObject d = explain(e.getKey()).getJsonObject("decision");
      if (d.getString("kind").equals("DISPATCH")) {
        routed++;
      }
      if (!e.getValue().equals(d.getString("lead_department_id"))) {
        wrong.add(e.getKey() + " → " + d.getString("kind") + " " + d.getString("lead_department_id"));
      }
    }
    assertEquals(20, routed, "routed on their own: " + wrong);
    assertEquals(List.of(), wrong);
  }

  @Test
  void explainShowsTheReadingAndTheRuleThatDecided() {
    JsonObject e = explain("小区暖气不热，室温只有15度");
    JsonObject reading = e.getJsonObject("text_reading");
    assertTrue(reading.getBoolean("confident"));
    assertEquals(0.8, reading.getDouble("threshold"));
    JsonObject best = reading.getJsonArray("suggestions").getJsonObject(0);
    assertEquals("020301", best.getString("category_code"));
    assertEquals("hhht.heating", best.getString("department_id"));
    assertTrue(best.getJsonArray("words").contains("暖气不热"), best.encode());
    assertEquals("heating", e.getJsonObject("matched_rule").getString("id"));
    assertTrue(e.getString("note").contains("020301"), e.getString("note"));
  }

  @Test
  void explicitRulesStillWinOverTheReading() {
    // night hours: the heating-cold-night rule (urgent), not the plain heating rule
    JsonObject night = explain(new JsonObject().put("description", "暖气不热，屋里冻得睡不着").put("time", "23:30"));
    assertEquals("heating-cold-night", night.getJsonObject("decision").getString("rule_id"));
    // an area rule: heating in Tuoketuo is the county's own
    JsonObject county = explain(new JsonObject().put("description", "暖气不热").put("area_code", "hhht.tuoketuo")
        .put("time", "14:00"));
    assertEquals("heating-tuoketuo", county.getJsonObject("decision").getString("rule_id"));
    // a code given by the operator is never second-guessed
    JsonObject coded = explain(new JsonObject().put("category_code", "040100").put("description", "暖气不热"));
    assertNull(coded.getValue("text_reading"));
    assertEquals("market", coded.getJsonObject("decision").getString("rule_id"));
  }

  @Test
  void anUnsureReadingGoesToTheQueueWithSuggestions() {
    JsonObject e = explain("楼下饭店油烟大，还占道摆摊，垃圾乱扔");
    JsonObject reading = e.getJsonObject("text_reading");
    assertEquals("MANUAL", e.getJsonObject("decision").getString("kind"), e.encodePrettily());
    assertFalse(reading.getBoolean("confident"));
    JsonArray s = reading.getJsonArray("suggestions");
    assertTrue(s.size() >= 2 && s.size() <= 3, s.encode());
    List<String> departments = new ArrayList<>();
    s.forEach(o -> departments.add(((JsonObject) o).getString("department_id")));
    assertTrue(departments.contains("hhht.environment") && departments.contains("hhht.urban"), departments.toString());
  }

  @Test
  void oddTextGetsADecisionOrTheQueueNeverAnError() {
    for (String text : List.of("", "！！！？？？……", "😀😡🔥", "nuanqi bu re 暖气 not warm", "暖氣不熱，室溫只有十五度",
        "暖气不热".repeat(1000), "的".repeat(4000))) {
      JsonObject e = explain(text);
      String kind = e.getJsonObject("decision").getString("kind");
      assertTrue(kind.equals("DISPATCH") || kind.equals("MANUAL"), text + " → " + kind);
    }
    assertEquals("hhht.heating", explain("暖氣不熱，室溫只有十五度").getJsonObject("decision")
        .getString("lead_department_id"), "traditional characters");
  }

  @Test
  void theIssuesEmergenciesInOrdinaryWordsAreTransfers() {
    assertEquals("110", explain("有人拿着刀在街上追人").getJsonObject("decision").getString("emergency_number"));
    assertEquals("122", explain("路口两辆车撞了，有人被卡在车里").getJsonObject("decision").getString("emergency_number"));
    assertEquals("hhht.urban", explain("商铺占用消防通道，存在火灾隐患").getJsonObject("decision")
        .getString("lead_department_id"), "a fire hazard is an ordinary matter");
  }
}
