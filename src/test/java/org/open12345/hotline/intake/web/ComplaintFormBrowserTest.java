package org.open12345.hotline.intake.web;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.Chromium;
import org.open12345.hotline.testing.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The citizen's complaint form in a real browser (Debian's chromium) with JavaScript switched
 * off for pages, as the form must work without it (and carries no script at all).
 */
class ComplaintFormBrowserTest {
  static TestServer server;
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(Map.of("intake.web.submissions_per_ip_per_hour", "0"), java.time.Clock.systemUTC());
    browser = Chromium.start(false);
  }

  @AfterAll
  static void stop() {
    Chromium.stop(browser, server);
  }

  static WebDriverWait waitFor() {
    return new WebDriverWait(browser, java.time.Duration.ofSeconds(15));
  }

  @Test
  void aCitizenFilesAComplaintAndGetsANumberAndQueryCode() {
    browser.get(server.url("/complaint"));
    assertEquals("在线提交诉求 · 12345 政务服务便民热线", browser.getTitle());
    assertTrue(browser.findElements(By.tagName("script")).isEmpty(), "the form needs no JavaScript");
    browser.findElement(By.id("name")).sendKeys("王先生");
    browser.findElement(By.id("phone")).sendKeys("13600000031");
    new Select(browser.findElement(By.id("request_type"))).selectByVisibleText("投诉");
    browser.findElement(By.id("location")).sendKeys("赛罕区大学东街88号");
    browser.findElement(By.id("description")).sendKeys("楼下烧烤店每晚营业到凌晨两点，油烟和噪音严重扰民");
    browser.findElement(By.cssSelector("button[type=submit]")).click();

    // The click returns when the browser has sent the form, not when the answer page is shown.
    waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), "您的诉求已受理"));
    String number = browser.findElement(By.id("number")).getText();
    String code = browser.findElement(By.id("code")).getText();
    JsonObject view = server.get("/api/complaints/" + number + "?code=" + code).json();
    assertEquals(number, view.getString("number"));
    JsonObject ticket = server.get("/api/tickets/" + number, As.DISPATCHER).json();
    assertEquals("WEB", ticket.getString("channel"));
    assertEquals("王先生", ticket.getString("citizen_name"));
    assertEquals("楼下烧烤店每晚营业到凌晨两点，油烟和噪音严重扰民", ticket.getString("description"));
  }

  @Test
  void aRefusedComplaintComesBackWithAChineseReasonAndTheTextKept() {
    browser.get(server.url("/complaint"));
    browser.findElement(By.id("phone")).sendKeys("13600000032");
    browser.findElement(By.id("description")).sendKeys("看 http://a.example http://b.example http://c.example");
    browser.findElement(By.cssSelector("button[type=submit]")).click();

    String error = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]")))
        .getText();
    assertFalse(error.isBlank());
    assertTrue(error.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), error);
    assertEquals("13600000032", browser.findElement(By.id("phone")).getAttribute("value"), "what was typed is kept");
    assertEquals(0, server.get("/api/tickets?phone=13600000032", As.DISPATCHER).json().getJsonArray("items").size());
  }
}
