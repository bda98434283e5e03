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

/**
 * A browser on a test server, as the console's browser tests drive it: people sign in (a new
 * account changes its one-time password first), and every page visited passes one check: a
 * screenshot under target/screenshots/, no browser console error (a CSP violation, an asset that
 * did not load), every asset from this server, no sideways scrolling at 1366×768.
 */
record ConsoleBrowser(TestServer server, WebDriver browser) {
  static final Path SHOTS = Path.of("target", "screenshots");
  static final String PASSWORD = "Console-Passw0rd!";

  /** A new account of this role signs in with its one-time password and sets its own. */
  void signIn(String name, Role role, String department) {
    String otp = Await.resultOf(server.server().features().identity.accounts()
        .create(name, role, department, new Actor("test-admin", Role.ADMIN, null), null)).secret();
    browser.manage().deleteAllCookies();
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

  /** An account that signed in before comes back with its own password; lands on its desk. */
  void logIn(String name, String desk) {
    browser.manage().deleteAllCookies();
    browser.get(server.url("/console"));
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(name);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    waitFor().until(ExpectedConditions.urlContains(desk));
  }

  /** Screenshot; no console errors; every asset from this server; no sideways scrolling at 1366. */
  void check(String page) throws Exception {
    BrowserChecks.check(browser, server.url(""), page);
    @SuppressWarnings("unchecked")
    List<String> assets = (List<String>) ((JavascriptExecutor) browser).executeScript(
        "return performance.getEntriesByType('resource').map(function (r) { return r.name; });");
    assertTrue(assets.stream().anyMatch(a -> a.contains("htmx.min.js")), page + ": htmx loaded");
  }

  WebDriverWait waitFor() {
    return new WebDriverWait(browser, Duration.ofSeconds(15));
  }
}
