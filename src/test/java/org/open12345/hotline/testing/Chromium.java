package org.open12345.hotline.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, driven through chromedriver, for page tests. The test run installs the two
 * packages itself when it runs as root (as CI does; {@link DebianPackages}).
 */
public final class Chromium {
  private static final Path BROWSER = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  /**
   * A font with Chinese glyphs: without one, Debian's chromium draws every character of the pages
   * as a box, and the screenshots the walk saves (and docs/ shows) are unreadable. WenQuanYi Micro
   * Hei is 5 MB from Debian's packages.
   */
  private static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

  private Chromium() {}

  /** Ends a browser test class: the browser (if it started), then its server (if it started). */
  public static void stop(WebDriver browser, TestServer server) {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  public static WebDriver start() throws Exception {
    return start(true);
  }

  /** @param javascript false to check that a page works for a browser without JavaScript */
  public static WebDriver start(boolean javascript) throws Exception {
    ensureInstalled();
    Path profile = Files.createTempDirectory("hotline-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toString());
    // The flags that keep Chromium quiet on a closed network, and runnable as root.
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--lang=zh-CN");
    // The browser console (CSP violations, failed loads) is readable: page tests fail on its errors.
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    if (!javascript) {
      options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    // The profile folder goes with the JVM; quitting the browser does not remove it.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(profile)));
    return driver;
  }

  private static void deleteTree(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (Exception ignored) {
      // Best effort at JVM exit: a leftover profile in /tmp is harmless.
    }
  }

  static synchronized void ensureInstalled() throws Exception {
    if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER) && Files.exists(CJK_FONT)) {
      return;
    }
    DebianPackages.install("browser tests need Debian's chromium", "chromium", "chromium-driver",
        "fonts-wqy-microhei");
  }
}
