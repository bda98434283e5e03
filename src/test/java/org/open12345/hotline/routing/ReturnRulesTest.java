package org.open12345.hotline.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.open12345.hotline.deadline.PolicyCatalog;
import org.open12345.hotline.deadline.TimeSpan;
import org.open12345.hotline.problem.InvalidField;
import org.open12345.hotline.returns.ReturnReason;
import org.open12345.hotline.returns.ReturnReasons;

/** The return reasons and ruling deadline of policies.yaml: read, defaulted, and refused at file:line. */
class ReturnRulesTest {
  @TempDir Path dir;

  @BeforeEach
  void copy() {
    ShippedRules.copyTo(dir);
  }

  /** Puts {@code section} in place of the shipped returns section, at the end of the file. */
  private void rewriteReturns(String section) throws Exception {
    Path p = dir.resolve("policies.yaml");
    String text = Files.readString(ShippedRules.DIR.resolve("policies.yaml"));
    int start = text.indexOf("\nreturns:");
    int end = text.indexOf("\npolicies:");
    Files.writeString(p, text.substring(0, start) + text.substring(end) + section);
  }

  private List<String> errors() {
    LoadResult r = RuleSetLoader.load(dir);
    assertFalse(r.isValid());
    return r.errors().stream().map(ValidationError::toString).toList();
  }

  @Test
  void theShippedFilesListTheFiveReasonsAndFourHoursToRule() {
    RuleSet set = ShippedRules.load();
    assertEquals(List.of("属地不符", "职能不符", "诉求不清", "重复工单", "其他"),
        set.returns().reasons().all().stream().map(ReturnReason::name).toList());
    assertEquals(TimeSpan.parse("4h"), set.returns().ruling().within());
    assertEquals(ReturnReasons.DEFAULT.all(), set.returns().reasons().all(), "the built-in list is the shipped one");
    RoutingDirectory directory = new RoutingDirectory(new RuleSetHolder(set));
    assertEquals(set.returns().ruling(), directory.rulingTerm());
    assertEquals("wrong_area", directory.returnReasons().find("属地不符").orElseThrow().id());
  }

  @Test
  void withoutTheSectionTheDefaultsApply() throws Exception {
    Path p = dir.resolve("policies.yaml");
    String text = Files.readString(p);
    Files.writeString(p, text.substring(0, text.indexOf("\n# 退单")) + text.substring(text.indexOf("\npolicies:")));
    RuleSet set = RuleSetLoader.load(dir).orThrow();
    assertEquals(ReturnReasons.DEFAULT, set.returns().reasons());
    assertEquals(PolicyCatalog.DEFAULT_RULING, set.returns().ruling());
  }

  @Test
  void aCentreMayListItsOwnReasonsAndRulingTime() throws Exception {
    rewriteReturns("returns:\n  ruling: {within: 1wd, warn_before: 2h}\n  reasons:\n"
        + "    - {id: not-ours, name: 非本单位职责}\n    - {id: other, name: 其他}\n");
    RuleSet set = RuleSetLoader.load(dir).orThrow();
    assertEquals(TimeSpan.parse("1wd"), set.returns().ruling().within());
    assertEquals(List.of("not-ours", "other"), set.returns().reasons().all().stream().map(ReturnReason::id).toList());
  }

  @Test
  void badSectionsAreRefusedAtTheirLine() throws Exception {
    rewriteReturns("returns:\n  ruling: {within: soon}\n  reasons:\n    - {id: Wrong Area, name: 属地不符}\n"
        + "    - {id: other, name: 其他}\n    - {id: other, name: 其它}\n    - {id: dup, name: 其他}\n"
        + "    - {id: x}\n  deadline: 4h\n");
    int first = Files.readString(dir.resolve("policies.yaml")).split("\n", -1).length - 9;
    List<String> e = errors();
    assertTrue(e.contains("policies.yaml:" + (first + 1) + ": within: bad duration 'soon' (use minutes 30m, hours 2h,"
        + " natural days 7d or working days 15wd)"), e.toString());
    assertTrue(e.stream().anyMatch(x -> x.startsWith("policies.yaml:" + (first + 3) + ": return reason id 'Wrong Area'")),
        e.toString());
    assertTrue(e.stream().anyMatch(x -> x.startsWith("policies.yaml:" + (first + 5) + ": return reason 'other' is listed"
        + " twice (first at line " + (first + 4) + ")")), e.toString());
    assertTrue(e.stream().anyMatch(x -> x.startsWith("policies.yaml:" + (first + 6) + ": return reason '其他'")),
        e.toString());
    assertTrue(e.stream().anyMatch(x -> x.startsWith("policies.yaml:" + (first + 7) + ":") && x.contains("name")),
        e.toString());
    assertTrue(e.stream().anyMatch(x -> x.startsWith("policies.yaml:" + (first + 8) + ":")
        && x.contains("unknown key 'deadline'")), e.toString());

    rewriteReturns("returns:\n  reasons: []\n");
    assertTrue(errors().get(0).contains("'returns' needs a non-empty 'reasons' list"), errors().toString());
  }

  @Test
  void aReturnNeedsAListedReasonAndANote() {
    ReturnReasons r = ReturnReasons.DEFAULT;
    assertEquals("duplicate", r.require("重复工单", "与20261127000123重复").id());
    assertEquals("wrong_area", r.require(" WRONG_AREA ", "属赛罕区").id());
    assertEquals("reason", assertThrows(InvalidField.class, () -> r.require(null, "x")).field());
    InvalidField unknown = assertThrows(InvalidField.class, () -> r.require("不归我管", "x"));
    assertTrue(unknown.getMessage().contains("wrong_area (属地不符)"), unknown.getMessage());
    assertEquals("note", assertThrows(InvalidField.class, () -> r.require("其他", " ")).field());
    assertThrows(IllegalArgumentException.class, () -> new ReturnReasons(List.of()));
  }
}
