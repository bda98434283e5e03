package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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

/**
 * The operator's and the dispatcher's desks in Debian's chromium at 1366x768: a call ringing at the
 * operator's extension pops the caller, who becomes a ticket; a dispatcher sends a return back and
 * approves an extension from the lists beside the queue. Screenshots under target/screenshots/.
 */
class CentreDesksBrowserTest {
  static final String[] POWER = {"X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", "hhht.power"};
  static TestServer server;
  static WebDriver browser;
  static ConsoleBrowser page;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(IntakeTesting.config(), java.time.Clock.systemUTC());
    browser = Chromium.start();
    browser.manage().window().setSize(new Dimension(1366, 768));
    page = new ConsoleBrowser(server, browser);
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
  void aCallRingingAtTheOperatorsExtensionPopsTheCallerWhoBecomesATicket() throws Exception {
    String earlier = ConsoleTesting.ticket(server, ConsoleTesting.powerCut("13900000011", "上周停电 <b>两次</b>"));
    page.signIn("zhang.hw", Role.OPERATOR, null);
    page.waitFor().until(ExpectedConditions.urlContains("/console/operator"));
    browser.findElement(By.id("extension")).sendKeys("8101");
    browser.findElement(By.id("take-seat")).click();
    page.waitFor().until(ExpectedConditions.textToBe(By.id("notice"), "已设置分机，来电将自动弹屏。"));
    // The event stream is open (htmx's SSE extension keeps its EventSource on the element): a call
    // announced before it would find no screen.
    page.waitFor().until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
        "var e = document.querySelector('[sse-connect]'); var s = e && e['htmx-internal-data'] "
            + "&& e['htmx-internal-data'].sseEventSource; return !!s && s.readyState === 1;")));

    var rang = server.post("/webhooks/voice/generic", new JsonObject().put("event", "newCall").put("direction", "in")
        .put("callId", "browser-call-1").put("from", "13900000011").put("to", "12345").put("user", "8101").encode(),
        WebhookGuards.HEADER, IntakeTesting.VOICE_SECRET);
    assertEquals(200, rang.status(), rang.body());
    page.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("call-pop")));
    assertTrue(browser.findElement(By.id("caller-open")).getText().contains(earlier), "the caller's open ticket");
    assertTrue(browser.findElement(By.id("caller-open")).getText().contains("上周停电 <b>两次</b>"), "as text");
    assertEquals("13900000011", browser.findElement(By.id("citizen_phone")).getAttribute("value"));
    assertEquals("browser-call-1", browser.findElement(By.id("call_id")).getAttribute("value"));
    page.check("console-operator-call-pop");

    // The category from the tree: open the branches down to the leaf, pick it; the preview follows.
    browser.findElement(By.cssSelector("#category-tree > summary")).click();
    WebElement leaf = browser.findElement(By.cssSelector("[data-category='020201']"));
    for (WebElement branch : leaf.findElements(By.xpath("ancestor::details[not(@id='category-tree')]"))) {
      if (branch.getAttribute("open") == null) {
        branch.findElement(By.xpath("./summary")).click();
      }
    }
    leaf.click();
    assertEquals("020201", new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("category_code")))
        .getFirstSelectedOption().getAttribute("value"));
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("request_type"))).selectByVisibleText("投诉");
    browser.findElement(By.id("description")).sendKeys("又停电了，整栋楼没电");
    page.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"),
        "内蒙古电力集团呼和浩特供电分公司"));
    page.check("console-operator-ticket-from-call");
    browser.findElement(By.id("save-ticket")).click();
    page.waitFor().until(ExpectedConditions.urlContains("/tickets/"));
    String number = browser.getCurrentUrl().replaceAll(".*/tickets/(\\d+).*", "$1");
    JsonObject saved = server.get("/api/tickets/" + number, As.DISPATCHER).json();
    assertEquals("browser-call-1", saved.getString("call_id"), "the ticket knows its call");
    assertEquals("13900000011", saved.getString("citizen_phone"));
  }

  @Test
  void aDispatcherSendsAReturnBackAndApprovesAnExtensionFromTheLists() throws Exception {
    String returned = ConsoleTesting.ticket(server, ConsoleTesting.powerCut("13900000012", "路灯不亮"));
    assertEquals(200, server.post("/api/tickets/" + returned + "/actions/return",
        "{\"reason\":\"职能不符\",\"note\":\"路灯归城管维护\"}", POWER).status());
    long returnId = server.get("/api/returns", As.DISPATCHER).json().getJsonArray("items").stream()
        .map(o -> (JsonObject) o).filter(r -> returned.equals(r.getString("number"))).findFirst()
        .orElseThrow().getLong("id");
    String extended = ConsoleTesting.ticket(server, ConsoleTesting.powerCut("13900000013", "线路老化"));
    long extensionId = server.postJson("/api/tickets/" + extended + "/extensions",
        new JsonObject().put("days", 5).put("reason", "需更换整段线路"), POWER).json().getLong("id");

    page.signIn("wu.pd", Role.DISPATCHER, null);
    page.waitFor().until(ExpectedConditions.urlContains("/console/dispatch"));
    page.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("send-back-" + returnId)));
    assertTrue(browser.findElement(By.id("returns")).getText().contains("路灯归城管维护"));
    assertTrue(browser.findElement(By.id("extensions")).getText().contains("需更换整段线路"));
    page.check("console-dispatch-lists");

    browser.findElement(By.id("return-" + returnId + "-note")).sendKeys("经核实为供电线路故障，请继续办理");
    browser.findElement(By.id("send-back-" + returnId)).click();
    page.waitFor().until(ExpectedConditions.textToBe(By.id("notice"), "已驳回退单，退回原单位办理。"));
    assertEquals("DISPATCHED", server.get("/api/tickets/" + returned, As.DISPATCHER).json().getString("status"));

    page.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("approve-extension-" + extensionId)));
    browser.findElement(By.id("extension-" + extensionId + "-reason")).sendKeys("同意延期");
    browser.findElement(By.id("approve-extension-" + extensionId)).click();
    page.waitFor().until(ExpectedConditions.textToBe(By.id("notice"), "已批准。"));
    page.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("no-extensions")));
    page.check("console-dispatch-decided");
  }
}
