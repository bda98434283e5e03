package org.open12345.hotline.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {
  @Test
  void aPasswordNeedsEightCharactersFromThreeClassesAndNotTheAccountName() {
    assertTrue(PasswordRules.problem("Abcdef1!", "li.wei").isEmpty());
    assertTrue(PasswordRules.problem("abcdef12!", "li.wei").isEmpty());
    assertEquals(Optional.of("密码至少 8 位"), PasswordRules.problem("Ab1!xyz", "li.wei"));
    assertTrue(PasswordRules.problem("abcdefgh1", "li.wei").isPresent());
    assertTrue(PasswordRules.problem("ABCDEFGH!", "li.wei").isPresent());
    assertTrue(PasswordRules.problem("Li.Wei-2026", "li.wei").isPresent());
    assertTrue(PasswordRules.problem("A1!" + "a".repeat(200), "x").isPresent());
    assertTrue(PasswordRules.problem(null, "x").isPresent());
  }

  @RepeatedTest(20)
  void oneTimePasswordsMeetTheRules() {
    String p = Secrets.newOneTimePassword();
    assertEquals(16, p.length());
    assertTrue(PasswordRules.problem(p, "admin").isEmpty(), p);
  }

  @Test
  void secretsHaveTheirShape() {
    assertTrue(Secrets.looksLikeToken(Secrets.newToken()));
    assertTrue(Secrets.looksLikeSessionId(Secrets.newSessionId()));
    assertTrue(!Secrets.looksLikeToken("hl_short") && !Secrets.looksLikeSessionId("x;y"));
  }

  @Test
  void theThrottleWaitsUntilTheOldestFailureLeavesTheWindow() {
    LoginThrottle t = new LoginThrottle(5, Duration.ofMinutes(15));
    Instant now = Instant.parse("2026-12-01T08:00:00Z");
    assertTrue(t.waitFor(new LoginThrottle.Failures(4, now.minusSeconds(60)), now).isEmpty());
    assertEquals(Optional.of(Duration.ofMinutes(14)),
        t.waitFor(new LoginThrottle.Failures(5, now.minusSeconds(60)), now));
    assertEquals(Optional.of(Duration.ofSeconds(1)),
        t.waitFor(new LoginThrottle.Failures(9, now.minus(Duration.ofMinutes(15))), now));
    assertEquals(Optional.of(Duration.ofMinutes(3)), LoginThrottle.longer(Optional.of(Duration.ofMinutes(3)),
        Optional.of(Duration.ofMinutes(2))));
    assertEquals(Optional.of(Duration.ofMinutes(2)), LoginThrottle.longer(Optional.empty(),
        Optional.of(Duration.ofMinutes(2))));
  }
}
