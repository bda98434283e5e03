package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.intake.IntakeTesting;
import org.open12345.hotline.intake.WebhookGuards;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.Chromium;
import org.open12345.hotline.testing.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * One complaint's whole life in a real browser (Debian chromium, 1366×768) against a real server
 * and database: an operator records the call, a dispatcher dispatches it, the heating company
 * signs, contacts and replies, the centre closes it while the department watches its page update
 * live, the citizen answers the rating SMS 不满意 (through the SMS provider's webhook), the
 * department calls the 差评 back from its desk, and the supervisor's figures show the change.
 * Every page visited is saved under target/screenshots/walk-*.png and checked (no console error,
 * no asset from another origin).
 */
class EndToEndWalkTest {
  static final String PHONE = "13512345678";
  static final String HEATING = "hhht.heating";
  static TestServer server;
  static WebDriver driver;
  static ConsoleBrowser b;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(IntakeTesting.config(), Clock.systemUTC());
    driver = Chromium.start();
    driver.manage().window().setSize(new Dimension(1366, 768));
    b = new ConsoleBrowser(server, driver);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aComplaintFromTheCallToTheSupervisorsFigures() throws Exception {
    // The supervisor's figures before: the heating company has nothing rated this month.
    b.signIn("zhao.duban", Role.SUPERVISOR, null);
    b.waitFor().until(ExpectedConditions.urlContains("/console/supervisor"));
    b.check("walk-01-supervisor-overdue");
    driver.get(server.url("/console/supervisor/figures"));
    b.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#trend-chart canvas")));
    assertEquals("", satisfaction(), "nothing rated yet");
    b.check("walk-02-supervisor-figures-before");

    // The operator takes the call and records the ticket (no category: it waits for a dispatcher).
    b.signIn("chen.huawu", Role.OPERATOR, null);
    b.waitFor().until(ExpectedConditions.urlContains("/console/operator"));
    driver.findElement(By.id("citizen_phone")).sendKeys(PHONE);
    driver.findElement(By.id("citizen_name")).sendKeys("孙女士");
    new Select(driver.findElement(By.id("request_type"))).selectByVisibleText("投诉");
    driver.findElement(By.id("location")).sendKeys("新城区海拉尔东街12号");
    driver.findElement(By.id("description")).sendKeys("家里室温只有15度，老人冻得睡不着，已经三天了");
    b.check("walk-03-operator-call");
    driver.findElement(By.id("save-ticket")).click();
    b.waitFor().until(ExpectedConditions.urlContains("/tickets/"));
    String number = driver.findElement(By.id("number")).getText();
    assertEquals("已受理", driver.findElement(By.id("status")).getText());
    b.check("walk-04-ticket-received");

    // The dispatcher dispatches it from the manual queue with the department picker.
    b.signIn("wang.paidan", Role.DISPATCHER, null);
    b.waitFor().until(ExpectedConditions.urlContains("/console/dispatch"));
    b.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("dispatch-" + number)));
    // The department tree: unfold the row's picker (htmx loads it), then the city's folded sub-tree.
    driver.findElement(By.id("department-" + number)).click();
    try {
      b.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id(number + "-dep-" + HEATING)));
    } catch (org.openqa.selenium.TimeoutException e) {
      // Say what the row's picker became (an inherited hx-select once swapped it away).
      throw new AssertionError("the row's tree did not load: " + driver.findElement(By.id("department-" + number))
          .findElement(By.xpath("..")).getAttribute("outerHTML"), e);
    }
    org.openqa.selenium.WebElement heating = driver.findElement(By.id(number + "-dep-" + HEATING));
    // Open every fold above it (a keyboard user would press Enter on each summary).
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
        "for (var d = arguments[0].closest('details'); d; d = d.parentElement.closest('details')) { d.open = true; }"
        + " arguments[0].scrollIntoView({block: 'center'});", heating);
    // Chosen with the keyboard, as a dispatcher without a mouse would.
    heating.sendKeys(org.openqa.selenium.Keys.SPACE);
    assertTrue(heating.isSelected(), "the heating company is chosen");
    b.check("walk-05-dispatch-queue");
    org.openqa.selenium.WebElement send = driver.findElement(By.id("dispatch-" + number));
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});",
        send);
    send.sendKeys(org.openqa.selenium.Keys.ENTER);
    b.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
    b.check("walk-06-dispatched");

    // The heating company signs, contacts the citizen and replies.
    b.signIn("wu.reli", Role.DEPARTMENT, HEATING);
    b.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("sign-" + number)));
    b.check("walk-07-department-queue");
    driver.findElement(By.id("sign-" + number)).click();
    b.waitFor().until(ExpectedConditions.textToBe(By.id("notice"), "已签收。"));
    driver.get(server.url("/tickets/" + number));
    driver.findElement(By.id("contact-note")).sendKeys("已电话联系孙女士，约定今天下午上门测温");
    driver.findElement(By.id("do-contact")).click();
    b.waitFor().until(ExpectedConditions.textToBe(By.id("notice"), "已联系诉求人。"));
    driver.findElement(By.id("reply-note")).sendKeys("经上门测温，系单元立管阀门故障，已更换，室温恢复至20度");
    driver.findElement(By.id("do-reply")).click();
    b.waitFor().until(ExpectedConditions.textToBe(By.id("notice"), "已答复。"));
    b.check("walk-08-ticket-replied");
    // The centre closes it meanwhile: the open page follows without a reload (SSE named after the ticket).
    assertEquals(200, server.post("/api/tickets/" + number + "/actions/close", "", As.DISPATCHER).status());
    b.waitFor().until(ExpectedConditions.textToBe(By.id("status"), "已办结"));
    assertTrue(driver.findElement(By.id("notice")).isDisplayed(), "the page was not reloaded: its notice stays");
    b.check("walk-09-ticket-closed-live");

    // The citizen answers the rating SMS 不满意, through the SMS provider's webhook.
    String sms = new JsonObject().put("phone_number", PHONE).put("content", "不满意，暖气修了一天又不热了")
        .put("send_time", "2026-12-01 10:00:00").put("sequence_id", "walk-1").encode();
    assertEquals(200, server.post("/webhooks/sms/aliyun", "[" + sms + "]", WebhookGuards.HEADER,
        IntakeTesting.ALIYUN_SECRET).status());
    JsonArray cases = server.get("/api/tickets/" + number + "/ratings", As.DISPATCHER).json().getJsonArray("cases");
    assertEquals(1, cases.size(), "the 差评 opened a case");
    long caseId = cases.getJsonObject(0).getLong("id");

    // The heating company calls it back (departments.yaml: it makes its own callbacks) from its desk.
    b.logIn("wu.reli", "/console/department");
    driver.findElement(By.id("tab-cases")).click();
    b.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("todo-" + caseId)));
    b.check("walk-10-department-rating-cases");
    driver.findElement(By.id("todo-" + caseId)).click();
    b.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("form-callback-" + caseId)));
    assertTrue(driver.findElement(By.id("ratings")).getText().contains("不满意，暖气修了一天又不热了"));
    new Select(driver.findElement(By.id("callback-reached-" + caseId))).selectByValue("yes");
    driver.findElement(By.id("callback-account-" + caseId)).sendKeys("阀门更换后次日又出现不热，诉求属实");
    new Select(driver.findElement(By.id("callback-founded-" + caseId))).selectByValue("yes");
    b.check("walk-11-ticket-rating-case");
    driver.findElement(By.id("do-callback-" + caseId)).click();
    b.waitFor().until(ExpectedConditions.textToBe(By.id("notice"), "已登记回访核实。"));
    assertEquals("待整改", driver.findElement(By.id("case-status-" + caseId)).getText());
    b.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("form-fix-" + caseId)));
    b.check("walk-12-ticket-called-back");

    // The supervisor's figures now: the heating company's 满意率 is 0 of 1; the case is on its list.
    b.logIn("zhao.duban", "/console/supervisor");
    driver.get(server.url("/console/supervisor/figures"));
    b.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ranking-chart canvas")));
    assertEquals("0.00%\n0/1", satisfaction());
    b.check("walk-13-supervisor-figures-after");
    new Select(driver.findElement(By.id("department"))).selectByValue(HEATING);
    driver.findElement(By.id("show-figures")).click();
    b.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#trend-chart canvas")));
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
        "document.getElementById('trend-chart').scrollIntoView({block: 'end'});");
    b.check("walk-14-supervisor-trend");
    driver.get(server.url("/console/supervisor/cases"));
    assertTrue(driver.findElement(By.id("cases")).getText().contains(number));
    b.check("walk-15-supervisor-rating-cases");
  }

  private String satisfaction() {
    List<WebElement> cells = driver.findElements(
        By.cssSelector("tr[data-department='" + HEATING + "'] td[data-figure='satisfaction_rate']"));
    return cells.isEmpty() ? "" : cells.get(0).getText();
  }
}
