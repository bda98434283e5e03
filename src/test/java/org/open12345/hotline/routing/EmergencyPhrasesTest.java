package org.open12345.hotline.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shipped emergency list on citizens' own words (issue 13's targets): at least 98 % of the
 * emergency phrasings detected, at most 1 % of ordinary complaints that use the same words flagged.
 */
class EmergencyPhrasesTest {
  private static final RuleSet RULES = ShippedRules.load();
  private static final Path DIR = Path.of("src/test/resources/routing");

  @Test
  void findsAtLeast98PercentOfTheEmergencyPhrasingsWithTheirNumber() throws IOException {
    List<String> lines = lines("emergency-phrases.tsv");
    List<String> missed = new ArrayList<>();
    List<String> wrongNumber = new ArrayList<>();
    for (String line : lines) {
      String[] cols = line.split("\t", 2);
      Optional<EmergencyDetector.Hit> hit = RULES.emergencyIn(cols[1]);
      if (hit.isEmpty()) {
        missed.add(line);
      } else if (!List.of(cols[0].split("\\|")).contains(hit.get().number().number())) {
        wrongNumber.add(line + " → " + hit.get().number().number() + " (" + hit.get().trigger() + ")");
      }
    }
    assertTrue(lines.size() >= 100, "the list holds at least 100 phrasings: " + lines.size());
    assertTrue(missed.size() * 100 <= lines.size() * 2, "missed " + missed.size() + "/" + lines.size() + ": " + missed);
    assertTrue(wrongNumber.size() * 100 <= lines.size() * 5, "wrong number: " + wrongNumber);
  }

  @Test
  void flagsAtMostOnePercentOfOrdinaryComplaintsThatUseTheSameWords() throws IOException {
    List<String> lines = lines("ordinary-phrases.txt");
    List<String> flagged = new ArrayList<>();
    for (String line : lines) {
      RULES.emergencyIn(line).ifPresent(h -> flagged.add(line + " → " + h.number().number() + " (" + h.trigger() + ")"));
    }
    assertTrue(lines.size() >= 200, "the list holds at least 200 complaints: " + lines.size());
    assertTrue(flagged.size() * 100 <= lines.size(), "flagged " + flagged.size() + "/" + lines.size() + ": " + flagged);
  }

  @Test
  void theIssuesOwnExamplesAreEmergencies() {
    assertEquals("110", number("有人拿着刀在街上追人"));
    assertEquals("122", number("路口两辆车撞了，有人被卡在车里"));
    assertEquals("120", number("我爸叫不醒了"));
    assertEquals("119", number("对面楼冒浓烟"));
    assertEquals("119", number("樓裡著火了"), "traditional characters");
    assertEquals("119", number("着 火 了"), "a transcript with spaces");
  }

  @Test
  void anUnlessWordCancelsOnlyTheFindingItStandsNextTo() {
    assertFalse(RULES.emergencyIn("商铺占用消防通道，存在火灾隐患").isPresent());
    assertEquals("119", number("消防通道被堵了好几天，物业一直不管，今天晚上三楼那户人家里着火了"),
        "a real fire reported with a blocked fire lane far from it");
    assertEquals("none", number("刀具店门口有人摆摊卖菜，下午三点多的时候，又有人来追着要账"),
        "a knife shop and a chase far apart are no knife attack");
    assertEquals("110", number("刀具店门口有人追着砍人"));
  }

  @Test
  void emptyAndOddTextIsNoEmergency() {
    assertFalse(RULES.emergencyIn(null).isPresent());
    assertFalse(RULES.emergencyIn("").isPresent());
    assertFalse(RULES.emergencyIn("！！！？？？。。。").isPresent());
    assertFalse(RULES.emergencyIn("😀😀😀").isPresent());
    assertFalse(RULES.emergencyIn("nuanqi bu re 暖气不热 heating").isPresent());
  }

  private static String number(String text) {
    return RULES.emergencyIn(text).map(h -> h.number().number()).orElse("none");
  }

  static List<String> lines(String name) throws IOException {
    return Files.readAllLines(DIR.resolve(name), StandardCharsets.UTF_8).stream()
        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }
}
