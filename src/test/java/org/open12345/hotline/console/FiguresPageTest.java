package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.console.ConsoleTesting.*;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.deadline.ManualClock;
import org.open12345.hotline.stats.StatsFixture;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * The figures page (三率统计): October 2026, A = 东街街道 with ratings 满意, 满意, 不满意 (满意率 2/3)
 * and B = 热力集团 with one 非常满意 (1/1). The supervisor sees both with their counts and the CSV
 * link; B's staff see B only; an operator is refused.
 */
class FiguresPageTest {
  static final String A = "hhht.xincheng.dongjie";
  static final String B = "hhht.heating";
  static final String[] SUPERVISOR = person("zhou.db", "SUPERVISOR");
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("escalation.scheduler_enabled", "false", "outbox.relay_enabled", "false"),
        new ManualClock(Instant.parse("2026-11-10T04:00:00Z")));
    StatsFixture f = new StatsFixture(server.database());
    long a = f.ticket("F1", "2026-10-02T02:00:00Z", "CLOSED", A, "020301");
    f.rating(a, "SATISFIED", "2026-10-05T02:00:00Z", "counted");
    f.rating(a, "SATISFIED", "2026-10-06T02:00:00Z", "counted");
    f.rating(a, "DISSATISFIED", "2026-10-07T02:00:00Z", "counted");
    long b = f.ticket("F2", "2026-10-02T02:00:00Z", "CLOSED", B, "020301");
    f.rating(b, "VERY_SATISFIED", "2026-10-05T02:00:00Z", "counted");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theSupervisorSeesEachDepartmentsRatesWithCountsAndTheCsvLink() {
    Response page = server.get("/console/supervisor/figures?month=2026-10", SUPERVISOR);
    assertEquals(200, page.status(), page.body());
    String body = page.body();
    assertTrue(body.matches("(?s).*<tr data-department=\"" + A + "\"><td>东街街道</td>.*"
        + "data-figure=\"satisfaction_rate\" title=\"满意率：2 ÷ 3\">66.67%<small class=\"counts\">2/3</small>.*"), body);
    assertTrue(body.matches("(?s).*<tr data-department=\"" + B + "\">.*"
        + "data-figure=\"satisfaction_rate\" title=\"满意率：1 ÷ 1\">100.00%.*"), body);
    assertTrue(body.contains("value=\"2026-10\""), "the month picker keeps the month");
    assertTrue(body.contains("href=\"/api/stats/departments?month=2026-10&amp;format=csv\""), body);
    assertTrue(body.contains("src=\"/console/assets/echarts/5.3.1/dist/echarts.min.js\""), body);
    // The ranking by 满意率 (B 100 % before A 66.67 %), JSON in an attribute, HTML-escaped.
    assertTrue(body.contains("data-chart=\"{&quot;names&quot;:[&quot;呼和浩特市热力集团&quot;,&quot;东街街道&quot;]"), body);
    Response echarts = server.get("/console/assets/echarts/5.3.1/dist/echarts.min.js");
    assertEquals(200, echarts.status());
    assertTrue(body.contains("<dt>响应率</dt>") && body.contains("有效评价指"), "definitions shown");

    Response csv = server.get("/api/stats/departments?month=2026-10&format=csv", SUPERVISOR);
    assertEquals(200, csv.status(), csv.body());
    assertTrue(csv.header("Content-Type").startsWith("text/csv"));
    assertTrue(csv.body().contains("东街街道") && csv.body().contains("66.67%"), csv.body());
  }

  @Test
  void aCountyRolledUpOverItsStreetsShowsTheirRatesAndTheirTwelveMonthTrend() {
    StatsFixture f = new StatsFixture(server.database());
    long sept = f.ticket("F3", "2026-09-02T02:00:00Z", "CLOSED", A, "020301");
    f.rating(sept, "DISSATISFIED", "2026-09-05T02:00:00Z", "counted");
    String rolled = server.get("/console/supervisor/figures?month=2026-10&department=hhht.xincheng&rollup=true",
        SUPERVISOR).body();
    assertTrue(rolled.matches("(?s).*<tr data-department=\"hhht.xincheng\">.*"
        + "data-figure=\"satisfaction_rate\" title=\"满意率：2 ÷ 3\">.*"), "the county counts its street: " + rolled);
    assertTrue(rolled.contains("href=\"/api/stats/departments?month=2026-10&amp;department=hhht.xincheng"
        + "&amp;rollup=true&amp;format=csv\""), "the CSV is the same selection");
    assertTrue(rolled.contains("id=\"rollup\" name=\"rollup\" value=\"true\" checked"), "the switch stays on");
    // Months 2025-11 .. 2026-10; 满意率 is null until September (0 %), then 66.67 %.
    assertTrue(rolled.contains("近12个月趋势 · 新城区（含下级单位）"), rolled);
    assertTrue(rolled.contains("{&quot;name&quot;:&quot;满意率&quot;,&quot;data&quot;:[null,null,null,null,null,"
        + "null,null,null,null,null,0.0,66.67]}"), rolled);
    assertTrue(rolled.contains("&quot;names&quot;:[&quot;2025-11&quot;"), "twelve months from 2025-11");

    String own = server.get("/console/supervisor/figures?month=2026-10&department=hhht.xincheng", SUPERVISOR).body();
    assertTrue(own.contains("&quot;name&quot;:&quot;满意率&quot;,&quot;data&quot;:[null,null,null,null,null,"
        + "null,null,null,null,null,null,null]"), "the county's own tickets only: none rated");
    String all = server.get("/console/supervisor/figures?month=2026-10", SUPERVISOR).body();
    assertTrue(all.contains("近12个月趋势 · 全部单位") && all.contains("0.0,75.0]"), "every department: 3 of 4 in October");
  }

  @Test
  void aDepartmentSeesItsOwnSubTreeOnlyAndAnOperatorIsRefused() {
    Response page = server.get("/console/supervisor/figures?month=2026-10", departmentPerson("heat.li", B));
    assertEquals(200, page.status(), page.body());
    assertTrue(page.body().contains("data-department=\"" + B + "\""), page.body());
    assertFalse(page.body().contains(A), page.body());
    assertFalse(page.body().contains("合计</td>") && page.body().contains("2/3"), "no other department's counts");

    Response refused = server.get("/console/supervisor/figures?month=2026-10", person("op.wang", "OPERATOR"));
    assertEquals(403, refused.status(), refused.body());
  }

  @Test
  void aMonthThatIsNotOneIsRefusedWithoutEchoingIt() {
    Response page = server.get("/console/supervisor/figures?month=%3Cscript%3Ealert(1)%3C%2Fscript%3E", SUPERVISOR);
    assertEquals(400, page.status(), page.body());
    assertFalse(page.body().contains("<script>alert"), page.body());
    Response none = server.get("/console/supervisor/figures", SUPERVISOR);
    assertEquals(200, none.status(), none.body());
    assertTrue(none.body().contains("value=\"2026-11\""), "this month by default (the centre's zone)");
  }
}
