package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A browser test's person and checks: sign in with a fresh account, and check a page with a screenshot. */
final class ConsoleBrowser {
  static final Path SHOTS = Path.of("target", "screenshots");
  static final String PASSWORD = "Console-Passw0rd!";
  private final TestServer server;
  private final WebDriver browser;

  ConsoleBrowser(TestServer server, WebDriver browser) {
    this.server = server;
    this.browser = browser;
  }

  /** Creates the account, signs in with its one-time password and sets the password. */
  void signIn(String name, Role role, String department) {
    String otp = Await.resultOf(server.server().features().identity.accounts()
        .create(name, role, department, new Actor("test-admin", Role.ADMIN, null), null)).secret();
    browser.get(server.url("/console"));
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(name);
    browser.findElement(By.id("password")).sendKeys(otp);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("new_password")));
    browser.findElement(By.id("current_password")).sendKeys(otp);
    browser.findElement(By.id("new_password")).sendKeys(PASSWORD);
    browser.findElement(By.id("confirm_password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("form[action='/account/password'] button[type=submit]")).click();
  }

  /** Screenshot; no console errors; every asset from this server; no sideways scrolling at 1366. */
  void check(String page) throws Exception {
    Files.createDirectories(SHOTS);
    Files.write(SHOTS.resolve(page + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    List<String> errors = new ArrayList<>();
    for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
        errors.add(e.getMessage());
      }
    }
    assertEquals(List.of(), errors, "browser console errors on " + page);
    JavascriptExecutor js = (JavascriptExecutor) browser;
    @SuppressWarnings("unchecked")
    List<String> assets = (List<String>) js.executeScript(
        "return performance.getEntriesByType('resource').map(function (r) { return r.name; });");
    String origin = server.url("");
    assets.forEach(a -> assertTrue(a.startsWith(origin), page + " loaded " + a));
    assertFalse(assets.isEmpty() || assets.stream().noneMatch(a -> a.contains("htmx.min.js")), "htmx loaded");
    Long overflow = (Long) js.executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertTrue(overflow <= 0, page + " scrolls sideways at 1366x768 by " + overflow + "px");
  }

  WebDriverWait waitFor() {
    return new WebDriverWait(browser, Duration.ofSeconds(15));
  }
}
