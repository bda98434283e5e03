package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.intake.IntakeTesting;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.Chromium;
import org.open12345.hotline.testing.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The administrator's and the citizen's paths in a real browser (Debian's chromium, 1366x768):
 * accounts and tokens made and ended, the rules page; a complaint filed, looked up, and rated on
 * the web. Each page is a screenshot under target/screenshots/ and must pass {@link BrowserChecks}.
 */
class AdminAndCitizenBrowserTest {
  static final String PASSWORD = "Admin-Passw0rd!";
  static final String HOSTILE = "<script>alert('x')</script> \"><img src=x onerror=alert(1)> javascript:alert(1) ";
  static TestServer server;
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    browser = Chromium.start();
    browser.manage().window().setSize(new Dimension(1366, 768));
  }

  @AfterAll
  static void stop() {
    Chromium.stop(browser, server);
  }

  @AfterEach
  void signOut() {
    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(new Dimension(1366, 768));
  }

  @Test
  void theAdministratorManagesAccountsAndTokens() throws Exception {
    String otp = Await.resultOf(server.server().features().identity.accounts()
        .create("lin.admin", Role.ADMIN, null, new Actor("installer", Role.ADMIN, null), null)).secret();
    browser.get(server.url("/console/admin/tokens"));
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys("lin.admin");
    browser.findElement(By.id("password")).sendKeys(otp);
    check("login");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("new_password")));
    check("password-change");
    browser.findElement(By.id("current_password")).sendKeys(otp);
    browser.findElement(By.id("new_password")).sendKeys(PASSWORD);
    browser.findElement(By.id("confirm_password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("form[action='/account/password'] button[type=submit]")).click();
    // Back to the page the administrator opened, through the password page (the way back survives it).
    waitFor().until(ExpectedConditions.urlToBe(server.url("/console/admin/tokens")));
    browser.get(server.url("/console/admin/users"));
    assertEquals("管理员", browser.findElement(By.id("me-role")).getText());
    assertEquals("lin.admin", browser.findElement(By.id("me-name")).getText());

    browser.findElement(By.id("name")).sendKeys("ma.heating");
    new Select(browser.findElement(By.id("role"))).selectByValue("DEPARTMENT");
    new Select(browser.findElement(By.id("department_id"))).selectByValue("hhht.heating");
    browser.findElement(By.id("create")).click();
    String secret = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("secret"))).getText();
    assertEquals(200, server.postJson("/login", new JsonObject().put("username", "ma.heating")
        .put("password", secret)).status(), "the one-time password shown works");
    check("admin-user-created");
    browser.findElement(By.id("disable-ma.heating")).click();
    waitFor().until(ExpectedConditions.textToBe(By.id("notice"), "已停用账号 ma.heating。"));
    check("admin-users");

    browser.get(server.url("/console/admin/tokens"));
    browser.findElement(By.id("name")).sendKeys("cti");
    new Select(browser.findElement(By.id("role"))).selectByValue("OPERATOR");
    browser.findElement(By.id("create")).click();
    String token = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("secret"))).getText();
    assertEquals(200, server.get("/api/tickets", "Authorization", "Bearer " + token).status());
    check("admin-token-created");
    browser.findElement(By.id("revoke-cti")).click();
    waitFor().until(ExpectedConditions.textToBe(By.id("notice"), "已吊销令牌 cti。"));
    assertEquals(401, server.get("/api/tickets", "Authorization", "Bearer " + token).status());
    check("admin-tokens");

    browser.get(server.url("/console/admin/system"));
    assertFalse(browser.findElement(By.id("rules-version")).getText().isEmpty());
    assertTrue(browser.findElement(By.id("calendar")).getText().contains("正式"));
    check("admin-system");
  }

  @Test
  void theCitizenFilesLooksUpAndRatesOnTheWeb() throws Exception {
    browser.get(server.url("/complaint"));
    check("citizen-form");
    browser.findElement(By.id("phone")).sendKeys("13900000601");
    browser.findElement(By.id("description")).sendKeys("灯");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]")));
    assertEquals("13900000601", browser.findElement(By.id("phone")).getAttribute("value"), "what was typed is kept");
    // The browser logs the page's own 400 as a console error: that one only, nothing blocked by the policy.
    for (org.openqa.selenium.logging.LogEntry e : browser.manage().logs().get(
        org.openqa.selenium.logging.LogType.BROWSER)) {
      assertTrue(e.getMessage().contains("/complaint - Failed to load resource: the server responded with a status "
          + "of 400"), e.getMessage());
    }
    browser.findElement(By.id("description")).clear();
    browser.findElement(By.id("location")).sendKeys("新城区海拉尔东街 " + HOSTILE);
    browser.findElement(By.id("description")).sendKeys("小区门口路灯一周不亮 " + HOSTILE);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    String number = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("number"))).getText();
    String code = browser.findElement(By.id("code")).getText();
    check("citizen-accepted");
    browser.findElement(By.id("status-link")).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("code"))).sendKeys(code);
    assertEquals(number, browser.findElement(By.id("number")).getAttribute("value"), "the number is filled in");
    check("citizen-status-lookup");
    browser.findElement(By.id("do-lookup")).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
    assertTrue(browser.findElement(By.id("description")).getText().contains("<script>alert('x')</script>"),
        "hostile text shows as text");
    check("citizen-status");

    String department = server.get("/api/tickets/" + number, As.DISPATCHER).json().getString("department_id");
    IntakeTesting.reply(server, number, department == null ? "hhht.urban" : department,
        "路灯线路已更换，当晚恢复照明。" + HOSTILE);
    assertEquals(200, server.post("/api/tickets/" + number + "/actions/close", "", As.DISPATCHER).status());
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.get(server.url("/complaint/status?number=" + number));
    browser.findElement(By.id("code")).sendKeys(code);
    browser.findElement(By.id("do-lookup")).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("rating")));
    assertTrue(browser.findElement(By.id("replies")).getText().contains("<img src=x onerror=alert(1)>"));
    check("citizen-rating-mobile");
    browser.findElement(By.cssSelector("label[for=level-2]")).click();
    browser.findElement(By.id("comment")).sendKeys("修得很快");
    browser.findElement(By.id("submit-rating")).click();
    waitFor().until(ExpectedConditions.textToBe(By.id("rated"), "满意"));
    check("citizen-rated-mobile");
    assertEquals("SATISFIED", server.get("/api/tickets/" + number + "/ratings", As.DISPATCHER).json()
        .getJsonArray("ratings").getJsonObject(0).getString("level"));
  }

  private void check(String page) throws Exception {
    BrowserChecks.check(browser, server.url(""), page);
  }

  static WebDriverWait waitFor() {
    return new WebDriverWait(browser, Duration.ofSeconds(15));
  }
}
