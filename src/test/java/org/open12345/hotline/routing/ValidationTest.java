package org.open12345.hotline.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of error, in a broken copy of the shipped rules, reported at the right file and line. */
class ValidationTest {
  @TempDir Path dir;

  @BeforeEach
  void copy() {
    ShippedRules.copyTo(dir);
  }

  /** Replaces a unique text and returns the 1-based line where the replacement starts. */
  private int replace(String file, String old, String replacement) throws Exception {
    String text = Files.readString(dir.resolve(file));
    int at = text.indexOf(old);
    assertTrue(at >= 0 && text.indexOf(old, at + 1) < 0, "not unique in " + file + ": " + old);
    Files.writeString(dir.resolve(file), text.substring(0, at) + replacement + text.substring(at + old.length()));
    return lineAt(text, at);
  }

  /** Appends text and returns the 1-based line of the first appended line containing {@code marker}. */
  private int append(String file, String text, String marker) throws Exception {
    String before = Files.readString(dir.resolve(file));
    String after = before + text;
    Files.writeString(dir.resolve(file), after);
    return lineAt(after, after.indexOf(marker, before.length()));
  }

  private static int lineAt(String text, int index) {
    return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
  }

  private ValidationError onlyError() {
    LoadResult r = RuleSetLoader.load(dir);
    assertFalse(r.isValid());
    assertEquals(1, r.errors().size(), () -> "errors: " + r.errors());
    return r.errors().get(0);
  }

  private void assertError(String file, int line, String fragment) {
    ValidationError e = onlyError();
    assertEquals(file, e.file(), e.toString());
    assertEquals(line, e.line(), e.toString());
    assertTrue(e.message().contains(fragment), e.toString());
    assertTrue(e.toString().startsWith(file + ":" + line + ": "), e.toString());
  }

  @Test
  void unknownKeyInRule() throws Exception {
    int line = replace("rules.yaml", "      keywords_none: [汽车, 轮胎]", "      keywords_not: [汽车, 轮胎]");
    assertError("rules.yaml", line, "unknown key 'keywords_not'");
  }

  @Test
  void unknownKeyInDepartmentAndTopLevel() throws Exception {
    int line = replace("departments.yaml", "    name: 呼和浩特市教育局\n", "    name: 呼和浩特市教育局\n    emial: [x@y.cn]\n");
    assertError("departments.yaml", line + 1, "unknown key 'emial'");
  }

  @Test
  void unknownTopLevelKey() throws Exception {
    int line = append("policies.yaml", "defaults: {x: 1}\n", "defaults");
    assertError("policies.yaml", line, "unknown key 'defaults'");
  }

  @Test
  void unknownDepartment() throws Exception {
    int line = replace("rules.yaml", "      lead: hhht.education", "      lead: hhht.educaton");
    assertError("rules.yaml", line, "unknown department 'hhht.educaton'");
  }

  @Test
  void unknownCoDepartment() throws Exception {
    int line = replace("rules.yaml", "      co: [hhht.environment]", "      co: [hhht.enviroment]");
    assertError("rules.yaml", line, "unknown department 'hhht.enviroment'");
  }

  @Test
  void unknownPolicy() throws Exception {
    int line = replace("rules.yaml", "      policy: consult", "      policy: consulting");
    assertError("rules.yaml", line, "unknown policy 'consulting'");
  }

  @Test
  void unknownCategoryAndPrefix() throws Exception {
    int line = replace("rules.yaml", "      category: [\"040202\"]", "      category: [\"040209\"]");
    assertError("rules.yaml", line, "unknown category '040209'");
  }

  @Test
  void unknownCategoryPrefix() throws Exception {
    int line = replace("rules.yaml", "      category_prefix: [\"09\"]", "      category_prefix: [\"88\"]");
    assertError("rules.yaml", line, "unknown category prefix '88'");
  }

  @Test
  void unknownArea() throws Exception {
    int line = replace("rules.yaml", "      area: [\"150121\"]", "      area: [\"150199\"]");
    assertError("rules.yaml", line, "unknown area '150199'");
  }

  @Test
  void areaMustBeAnArea() throws Exception {
    int line = replace("rules.yaml", "      area: [\"150121\"]", "      area: [hhht.housing]");
    assertError("rules.yaml", line, "not an administrative area");
  }

  @Test
  void unknownCalledNumber() throws Exception {
    int line = replace("rules.yaml", "      called: [\"12328\"]", "      called: [\"12320\"]");
    assertError("rules.yaml", line, "unknown hotline number '12320'");
  }

  @Test
  void duplicateRuleId() throws Exception {
    int line = replace("rules.yaml", "  - id: health\n", "  - id: education\n");
    assertError("rules.yaml", line, "duplicate rule id 'education'");
  }

  @Test
  void ratingCallbackIsCentreOrDepartment() throws Exception {
    int line = replace("departments.yaml", "    name: 呼和浩特市教育局\n", "    name: 呼和浩特市教育局\n    rating_callback: self\n");
    assertError("departments.yaml", line + 1, "bad rating_callback 'self'");
  }

  @Test
  void aDepartmentMakesItsOwnCallbacksWhenItOrAnAncestorSaysSo() throws Exception {
    replace("departments.yaml", "    name: 新城区\n", "    name: 新城区\n    rating_callback: department\n");
    replace("departments.yaml", "    name: 西街街道\n", "    name: 西街街道\n    rating_callback: centre\n");
    LoadResult r = RuleSetLoader.load(dir);
    assertTrue(r.isValid(), () -> r.errors().toString());
    DepartmentTree tree = r.ruleSet().orElseThrow().departments();
    assertTrue(tree.callbackByDepartment("hhht.xincheng"));
    assertTrue(tree.callbackByDepartment("hhht.xincheng.dongjie"), "inherited from 新城区");
    assertFalse(tree.callbackByDepartment("hhht.xincheng.xijie"), "its own key wins");
    assertFalse(tree.callbackByDepartment("hhht.huimin"), "the centre by default");
    assertTrue(tree.callbackByDepartment("hhht.heating"), "the shipped files give the heating company its own");
    assertFalse(tree.callbackByDepartment("no.such.department"));
    assertFalse(tree.callbackByDepartment(null));
  }

  @Test
  void duplicateDepartmentId() throws Exception {
    int line = append("departments.yaml", "  - {id: hhht.health, name: 重复, kind: agency, parent: hhht}\n", "hhht.health");
    assertError("departments.yaml", line, "duplicate department id 'hhht.health'");
  }

  @Test
  void duplicatePolicyId() throws Exception {
    int line = append("policies.yaml", "  - {id: complex, name: 重复, sign: 1h, respond: 1d, resolve: 5wd}\n", "id: complex");
    assertError("policies.yaml", line, "duplicate policy id 'complex'");
  }

  @Test
  void duplicateCategoryCode() throws Exception {
    int line = replace("categories.yaml", "code: \"990000\"", "code: \"100000\"");
    assertError("categories.yaml", line, "duplicate category code '100000'");
  }

  @Test
  void aWordOfTwoCategoriesIsReportedWithBothLines() throws Exception {
    String text = Files.readString(dir.resolve("categories.yaml"));
    int first = lineAt(text, text.indexOf("[停水,"));
    int line = replace("categories.yaml", "[停电, 没电,", "[停电, 停水, 没电,");
    assertError("categories.yaml", line, "word '停水' of category 020201 is already a word of category 020101 (line "
        + first + ")");
  }

  @Test
  void aWordTwiceInOneCategoryAndAOneCharacterWord() throws Exception {
    int line = replace("categories.yaml", "[停电, 没电,", "[停电, 电, 没电,");
    assertError("categories.yaml", line, "word '电' of category 020201 is too short");
    replace("categories.yaml", "[停电, 电, 没电,", "[停电, 没电, 停電,");
    ValidationError e = onlyError();
    assertTrue(e.message().contains("duplicate word '停電' in category 020201"), "folded to 停电: " + e);
  }

  @Test
  void badTextConfidence() throws Exception {
    int line = replace("rules.yaml", "text_confidence: 0.8", "text_confidence: 1.5");
    assertError("rules.yaml", line, "text_confidence '1.5' must be a number above 0 and at most 1");
  }

  @Test
  void badEmergencyPattern() throws Exception {
    int line = replace("hotlines.yaml", "      - 撬 + 门|锁|窗\n", "      - 撬门\n");
    assertError("hotlines.yaml", line, "needs at least two groups");
    replace("hotlines.yaml", "      - 撬门\n", "      - 撬 + |锁\n");
    assertTrue(onlyError().message().contains("has an empty word"));
  }

  @Test
  void badCategoryCode() throws Exception {
    int line = replace("categories.yaml", "code: \"090200\"", "code: \"9200\"");
    assertError("categories.yaml", line, "must be six digits");
  }

  @Test
  void duplicateYamlKey() throws Exception {
    int line = replace("rules.yaml", "      lead: hhht.police\n", "      lead: hhht.police\n      lead: hhht.urban\n");
    assertError("rules.yaml", line + 1, "duplicate key 'lead'");
  }

  @Test
  void unreachableRuleShadowedByBroaderOne() throws Exception {
    // heating (prefix 0203) would take every 暖气漏水 ticket before this rule
    int line = append("rules.yaml", """

          - id: heating-leak-urgent
            name: 暖气漏水（紧急）
            when:
              category: ["020302"]
              urgency: [紧急]
              keywords_any: [漏水]
            then:
              lead: hhht.heating
        """.stripIndent().replace("\n  ", "\n  "), "- id: heating-leak-urgent");
    ValidationError e = onlyError();
    assertEquals("rules.yaml", e.file());
    assertEquals(line, e.line());
    assertTrue(e.message().contains("'heating-leak-urgent' can never match") && e.message().contains("'heating'"), e.message());
  }

  @Test
  void equalConditionIsUnreachableToo() throws Exception {
    int line = append("rules.yaml", """
          - id: health-again
            name: 卫生健康（重复）
            when: {category_prefix: ["09"]}
            then: {lead: hhht.market}
        """, "- id: health-again");
    assertError("rules.yaml", line, "can never match");
  }

  @Test
  void narrowerRuleAfterBroaderAreaIsUnreachable() throws Exception {
    // a township rule after its banner's rule can never fire
    int line = append("rules.yaml", """
          - id: urban-bikeqi
            name: 毕克齐镇城市管理
            when: {category_prefix: ["0701"], area: [hhht.tmzq.bikeqi]}
            then: {lead: hhht.tmzq.bikeqi}
        """, "- id: urban-bikeqi");
    assertError("rules.yaml", line, "'urban-tmzq'");
  }

  @Test
  void ruleAfterAnAreaDependentLeadIsNotShadowed() throws Exception {
    // illegal-building's lead is @county, which can fail (no area): a later rule still gets tickets
    append("rules.yaml", """
          - id: illegal-building-city
            name: 违法建设（无区域）
            when: {category: ["010300"], type: [举报]}
            then: {lead: hhht.urban}
        """, "- id: illegal");
    // ...but the rule 'housing' (prefix 01) comes before it and is broader: still one error, from housing
    ValidationError e = onlyError();
    assertTrue(e.message().contains("'housing'"), e.toString());
  }

  @Test
  void cycleInDepartmentTree() throws Exception {
    int line = replace("departments.yaml", "    parent: nmg\n", "    parent: hhht.xincheng\n");
    ValidationError e = onlyError();
    assertEquals("departments.yaml", e.file());
    assertEquals(line, e.line());
    assertTrue(e.message().contains("cycle") && e.message().contains("hhht → hhht.xincheng → hhht"), e.message());
  }

  @Test
  void unknownParent() throws Exception {
    int line = replace("departments.yaml", "    parent: nmg\n", "    parent: nm\n");
    assertError("departments.yaml", line, "unknown parent department 'nm'");
  }

  @Test
  void badDuration() throws Exception {
    int line = replace("policies.yaml", "resolve: {within: 15wd", "resolve: {within: 15 working days");
    assertError("policies.yaml", line, "bad duration '15 working days'");
  }

  @Test
  void badWarningFraction() throws Exception {
    int line = replace("policies.yaml", "warn_at: 0.75", "warn_at: 1.5");
    assertError("policies.yaml", line, "warn_at '1.5'");
  }

  @Test
  void badEnumValues() throws Exception {
    int typeLine = replace("rules.yaml", "      type: [投诉, 举报]", "      type: [投诉, 揭发]");
    int urgencyLine = replace("rules.yaml", "      urgency_min: 紧急", "      urgency_min: 很急");
    int channelLine = replace("rules.yaml", "      channel: [网站, 移动端, 微信]", "      channel: [网站, 抖音]");
    int modeLine = replace("hotlines.yaml", "    mode: parallel ", "    mode: paralel ");
    int kindLine = replace("departments.yaml", "    kind: region", "    kind: province");
    LoadResult r = RuleSetLoader.load(dir);
    List<String> got = r.errors().stream().map(ValidationError::toString).toList();
    assertEquals(5, got.size(), got::toString);
    assertTrue(got.contains("departments.yaml:" + kindLine + ": bad kind 'province' (use region, city, county, township, agency or enterprise)"), got::toString);
    assertTrue(got.stream().anyMatch(s -> s.startsWith("hotlines.yaml:" + modeLine + ": bad mode 'paralel'")), got::toString);
    assertTrue(got.stream().anyMatch(s -> s.startsWith("rules.yaml:" + typeLine + ": bad type '揭发'")), got::toString);
    assertTrue(got.stream().anyMatch(s -> s.startsWith("rules.yaml:" + urgencyLine + ": bad urgency '很急'")), got::toString);
    assertTrue(got.stream().anyMatch(s -> s.startsWith("rules.yaml:" + channelLine + ": bad channel '抖音'")), got::toString);
  }

  @Test
  void badTimeWindow() throws Exception {
    int line = replace("rules.yaml", "      time: \"22:00-06:00\"\n    then:\n      lead: hhht.heating",
        "      time: \"22:00-26:00\"\n    then:\n      lead: hhht.heating");
    assertError("rules.yaml", line, "bad time window '22:00-26:00'");
  }

  @Test
  void subCentreHotlineNeedsASubCentreDepartment() throws Exception {
    int line = replace("hotlines.yaml", "    department: hhht.transport", "    department: hhht.education");
    LoadResult r = RuleSetLoader.load(dir);
    List<String> got = r.errors().stream().map(ValidationError::toString).toList();
    assertTrue(got.stream().anyMatch(s -> s.startsWith("hotlines.yaml:" + line + ": department 'hhht.education' works a sub-centre")), got::toString);
    assertTrue(got.stream().anyMatch(s -> s.startsWith("departments.yaml:") && s.contains("'hhht.transport' has 'sub_centre: true'")), got::toString);
  }

  @Test
  void yamlSyntaxError() throws Exception {
    int line = replace("rules.yaml", "      keywords_any: [偷排, 直排, 黑烟, 暗管]", "      keywords_any: [偷排, 直排, 黑烟, 暗管");
    ValidationError e = onlyError();
    assertEquals("rules.yaml", e.file());
    assertTrue(e.message().startsWith("YAML syntax"), e.toString());
    assertTrue(e.line() >= line && e.line() <= line + 2, e + " near " + line);
  }

  @Test
  void missingAndUnknownFiles() throws Exception {
    Files.delete(dir.resolve("hotlines.yaml"));
    Files.writeString(dir.resolve("rule.yaml"), "rules: []\n");
    List<String> got = RuleSetLoader.load(dir).errors().stream().map(ValidationError::toString).toList();
    assertEquals(2, got.size(), got::toString);
    assertTrue(got.contains("hotlines.yaml:1: missing file"), got::toString);
    assertTrue(got.stream().anyMatch(s -> s.startsWith("rule.yaml:1: unknown rule file")), got::toString);
  }

  @Test
  void brokenEntryIsReportedOnceNotAtEveryUse() throws Exception {
    // 'utilities' is used by many rules; its bad duration must not add "unknown policy" errors there
    int line = replace("policies.yaml", "resolve: {within: 24h, warn_before: 4h}", "resolve: {within: 24hrs, warn_before: 4h}");
    assertError("policies.yaml", line, "bad duration '24hrs'");
  }

  @Test
  void commandLineCheckPrintsFileLineAndExitsNonZero() throws Exception {
    int line = replace("rules.yaml", "      lead: hhht.education", "      lead: hhht.educaton");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = RoutingRulesCheck.run(new String[] {dir.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(1, code);
    String printed = err.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains(dir.resolve("rules.yaml") + ":" + line + ": unknown department 'hhht.educaton'"), printed);
  }

  @Test
  void commandLineCheckSummarisesValidRules() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = RoutingRulesCheck.run(new String[] {ShippedRules.DIR.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertEquals(0, code);
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("OK, version " + ShippedRules.load().version()), printed);
    assertTrue(printed.contains("rules:"), printed);
    // A department nothing can reach is a warning, not an error: the region itself has no contact.
    assertTrue(printed.contains("warning: departments.yaml: nmg (内蒙古自治区) has no mail"), printed);
  }

  @Test
  void departmentsWithoutAnyContactAreNamedAndLandlinesDoNotCount() throws Exception {
    replace("departments.yaml", "    mail: [hhht-gas@hhht.gov.example]", "    # no mail");
    replace("departments.yaml", "phones: [\"0471-6706020\"]", "phones: [\"138 0013 8000\"]");
    replace("departments.yaml", "    mail: [hhht-market@hhht.gov.example]", "    webhooks: [\"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k\"]");
    replace("departments.yaml", "    mail: [hhht-housing@hhht.gov.example]", "    # no mail");
    RuleSet rs = RuleSetLoader.load(dir).orThrow();
    java.util.List<String> warned = rs.contactWarnings().stream().map(w -> w.split(" ")[1]).toList();
    assertEquals(java.util.List.of("hhht.housing", "nmg"), warned, "gas has a mobile, market a robot; "
        + "housing has only its landline duty phone");
  }
}
