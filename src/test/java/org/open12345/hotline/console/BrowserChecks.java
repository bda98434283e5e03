package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * What every page in a browser test must pass: saved as {@code target/screenshots/<page>.png}; no
 * browser console error (a CSP violation, an asset that did not load); no alert open (hostile text
 * that ran); every asset from this server; no sideways scrolling.
 */
final class BrowserChecks {
  static final Path SHOTS = Path.of("target", "screenshots");

  private BrowserChecks() {}

  static void check(WebDriver browser, String origin, String page) throws Exception {
    Files.createDirectories(SHOTS);
    try {
      String text = browser.switchTo().alert().getText();
      fail(page + ": an alert is open: " + text);
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
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
    assets.forEach(a -> assertTrue(a.startsWith(origin), page + " loaded " + a));
    assertTrue(assets.stream().anyMatch(a -> a.contains("/console/static/console.css")), page + ": its style sheet");
    Long overflow = (Long) js.executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertTrue(overflow <= 0, page + " scrolls sideways by " + overflow + "px");
  }
}
