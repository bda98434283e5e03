package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.Chromium;
import org.open12345.hotline.testing.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (Debian's chromium) at 1366x768: people sign in with their
 * one-time password, set their own, and do their part; every page is saved as a screenshot under
 * target/screenshots/, and any browser console error (a CSP violation, an asset that did not load)
 * or an asset from another origin fails the test.
 */
class ConsoleBrowserTest {
  static final Path SHOTS = Path.of("target", "screenshots");
  static final String PASSWORD = "Console-Passw0rd!";
  static TestServer server;
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    browser = Chromium.start();
    browser.manage().window().setSize(new Dimension(1366, 768));
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() {
    Chromium.stop(browser, server);
  }

  @AfterEach
  void signOut() {
    browser.manage().deleteAllCookies();
  }

  @Test
  void theDepartmentSignsContactsAndRepliesInTheBrowser() throws Exception {
    String number = ConsoleTesting.ticket(server, ConsoleTesting.powerCut("13400000001",
        "小区整栋楼停电三小时 <script>alert('x')</script> \"><img src=x onerror=alert(1)>"));
    signIn("li.power", Role.DEPARTMENT, "hhht.power");
    waitFor().until(ExpectedConditions.urlContains("/console/department"));
    assertEquals("内蒙古电力集团呼和浩特供电分公司", browser.findElement(By.id("me-department")).getText());
    assertTrue(browser.findElement(By.id("queue")).getText().contains(number));
    String countdown = browser.findElement(By.cssSelector("#queue .countdown")).getText();
    assertTrue(countdown.startsWith("剩余"), countdown);
    check("console-department-queue");
    // A ticket dispatched meanwhile appears without a reload (SSE from LISTEN/NOTIFY, htmx swaps the list).
    String next = ConsoleTesting.ticket(server, ConsoleTesting.powerCut("13400000009", "路灯不亮"));
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("sign-" + next)));
    check("console-department-queue-live");

    browser.findElement(By.id("sign-" + number)).click();
    waitFor().until(ExpectedConditions.textToBe(By.id("notice"), "已签收。"));
    browser.get(server.url("/tickets/" + number));
    assertTrue(browser.findElement(By.id("description")).getText().contains("<script>alert('x')</script>"),
        "the citizen's text shows as text");
    browser.findElement(By.id("contact-note")).sendKeys("已电话联系诉求人，约定下午上门");
    browser.findElement(By.id("do-contact")).click();
    waitFor().until(ExpectedConditions.textToBe(By.id("notice"), "已联系诉求人。"));
    browser.findElement(By.id("reply-note")).sendKeys("线路故障已抢修，17:20 恢复供电");
    browser.findElement(By.id("do-reply")).click();
    waitFor().until(ExpectedConditions.textToBe(By.id("notice"), "已答复。"));
    assertEquals("已答复", browser.findElement(By.id("status")).getText());
    assertTrue(browser.findElement(By.id("timeline")).getText().contains("线路故障已抢修"));
    check("console-ticket-replied");
    assertEquals("REPLIED", server.get("/api/tickets/" + number, As.DISPATCHER).json().getString("status"));
  }

  @Test
  void theOperatorSeesTheRoutingPreviewAndRecordsATicket() throws Exception {
    signIn("chen.hw", Role.OPERATOR, null);
    waitFor().until(ExpectedConditions.urlContains("/console/operator"));
    browser.findElement(By.id("citizen_phone")).sendKeys("13400000002");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("request_type"))).selectByVisibleText("投诉");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("category_code")))
        .selectByValue("020201");
    browser.findElement(By.id("description")).sendKeys("楼道停电，电梯停运");
    // htmx posts the form as it changes and swaps in where the rules would send it.
    waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"),
        "内蒙古电力集团呼和浩特供电分公司"));
    check("console-operator-desk");
    browser.findElement(By.id("save-ticket")).click();
    waitFor().until(ExpectedConditions.urlContains("/tickets/"));
    assertEquals("已派单", browser.findElement(By.id("status")).getText());
    check("console-ticket-dispatched");
  }

  @Test
  void theSupervisorSeesTheFiguresWithTheRankingChart() throws Exception {
    // A rating this month (the page opens on the current month in the centre's zone).
    String now = java.time.Instant.now().minusSeconds(60).toString();
    org.open12345.hotline.stats.StatsFixture f = new org.open12345.hotline.stats.StatsFixture(server.database());
    f.rating(f.ticket("FIG-1", now, "CLOSED", "hhht.heating", "020301"), "SATISFIED", now, "counted");
    signIn("zhao.db", Role.SUPERVISOR, null);
    waitFor().until(ExpectedConditions.urlContains("/console/supervisor"));
    browser.get(server.url("/console/supervisor/figures"));
    assertTrue(browser.findElement(By.id("figures")).getText().contains("呼和浩特市热力集团"));
    // ECharts drew the ranking (canvas renderer) from the data attribute.
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ranking-chart canvas")));
    check("console-supervisor-figures");
  }

  @Test
  void theDispatcherAcceptsASuggestionWithOneClick() throws Exception {
    String number = ConsoleTesting.ticket(server, new io.vertx.core.json.JsonObject()
        .put("citizen_phone", "13400000009").put("request_type", "投诉").put("description", "小区暖气不热，室温只有15度"));
    signIn("qian.pd", Role.DISPATCHER, null);
    waitFor().until(ExpectedConditions.urlContains("/console/dispatch"));
    browser.get(server.url("/console/dispatch"));
    assertTrue(browser.findElement(By.id("suggestions-" + number)).getText().contains("呼和浩特市热力集团"));
    check("console-dispatch-suggestions");
    browser.findElement(By.id("accept-" + number + "-1")).click();
    waitFor().until(ExpectedConditions.urlContains("done=DISPATCH"));
    io.vertx.core.json.JsonObject t = server.get("/api/tickets/" + number, As.DISPATCHER).json();
    assertEquals("DISPATCHED", t.getString("status"));
    assertEquals("hhht.heating", t.getString("department_id"));
    assertTrue(browser.findElements(By.id("suggestions-" + number)).isEmpty(), "gone from the queue");
  }

  private void signIn(String name, Role role, String department) {
    new ConsoleBrowser(server, browser).signIn(name, role, department);
  }

  /** Screenshot; no console errors; every asset from this server; no sideways scrolling at 1366. */
  private void check(String page) throws Exception {
    new ConsoleBrowser(server, browser).check(page);
  }

  static WebDriverWait waitFor() {
    return new WebDriverWait(browser, Duration.ofSeconds(15));
  }
}
