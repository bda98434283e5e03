package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * The administrator's rules and calendar page: the rule set's version, the last refused change of
 * the rule files with its {@code file:line} messages (every one escaped), and each holiday year as
 * official or provisional.
 */
class AdminSystemPageTest {
  @TempDir
  Path rules;

  @Test
  void aRefusedRuleChangeIsShownWithItsFileAndLineAndTheYearsWithTheirBasis() throws Exception {
    copy(Path.of("routing-rules"), rules);
    // 2026-12-01: 2026 has its file; 2027 has none yet and counts provisionally.
    Clock clock = Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC);
    try (TestServer s = TestServer.start(Map.of("routing.dir", rules.toString(), "routing.reload_interval", "0.1s"),
        clock)) {
      String[] admin = ConsoleTesting.person("feng.admin", "ADMIN");
      Response before = s.get("/console/admin/system", admin);
      assertEquals(200, before.status());
      String version = s.server().features().rules.current().version();
      assertTrue(before.body().contains("<code id=\"rules-version\">" + version + "</code>"), before.body());
      assertTrue(before.body().contains("id=\"no-refusal\""));
      assertTrue(before.body().contains("<tr id=\"year-2026\"><td>2026</td><td>正式</td></tr>"), before.body());
      assertTrue(before.body().contains("<tr id=\"year-2027\"><td>2027</td><td><span class=\"overdue\">临时"));

      Path file = rules.resolve("rules.yaml");
      Files.writeString(file, Files.readString(file).replace("lead: hhht.power", "lead: hhht.<b>nowhere</b>"));
      Await.until(() -> s.server().features().rules.lastRefusal() != null);
      Response after = s.get("/console/admin/system", admin);
      assertTrue(after.body().matches("(?s).*<ul class=\"refusal\" id=\"refusal\">\\s*<li><code class=\"text\">[^<]*"
          + "rules\\.yaml:\\d+: [^<]*hhht\\.&lt;b&gt;nowhere&lt;/b&gt;.*"), after.body());
      assertTrue(after.body().contains("<code id=\"rules-version\">" + version + "</code>"), "the old set stays");
    }
  }

  private static void copy(Path from, Path to) throws Exception {
    try (var all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
