package org.open12345.hotline.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Issue 13's targets on the held-out part of the shipped labelled set (routing-rules/examples). */
class FreeTextEvaluationTest {
  static final Path FILE = Path.of("routing-rules/examples/free-text.tsv");

  @Test
  void theLabelledSetCoversEveryShippedCategoryWithAFixedSplit() throws Exception {
    List<FreeTextEvaluation.Labelled> lines = FreeTextEvaluation.read(FILE);
    assertTrue(lines.size() >= 600, "lines: " + lines.size());
    RuleSet rules = ShippedRules.load();
    Set<String> covered = lines.stream().map(FreeTextEvaluation.Labelled::category).collect(Collectors.toSet());
    for (Category c : rules.categories().all()) {
      boolean parentOnly = rules.categories().all().stream().anyMatch(x -> c.code().equals(x.parentCode()))
          && !covered.contains(c.code());
      assertTrue(covered.contains(c.code()) || parentOnly || c.code().equals("990000"), "no examples for " + c.code());
    }
    for (FreeTextEvaluation.Labelled l : lines) {
      RoutingDecision d = rules.route(RoutingInput.builder().category(l.category()).build());
      assertEquals(l.department(), d.leadDepartmentId(), "the department the rules give " + l.category());
    }
    long test = lines.stream().filter(l -> l.split().equals("test")).count();
    assertEquals(205, test, "the split is fixed in the file");
  }

  @Test
  void theShippedVocabularyAndModelMeetTheTargetsOnTheHeldOutPart() throws Exception {
    List<FreeTextEvaluation.Labelled> lines = FreeTextEvaluation.read(FILE);
    RuleSet rules = ShippedRules.load();
    List<FreeTextEvaluation.Labelled> test = lines.stream().filter(l -> l.split().equals("test")).toList();
    FreeTextEvaluation.Figures f = FreeTextEvaluation.evaluate(rules, FreeTextEvaluation.train(lines), test);
    assertTrue(f.rightShare() >= 0.80, "routed right on their own: " + f);
    assertTrue(f.wrongShare() <= 0.03, "routed wrong: " + f);
    assertTrue(f.top3Share() >= 0.95, "right department in the queued ones' top 3: " + f);
    FreeTextEvaluation.Figures words = FreeTextEvaluation.evaluate(rules, TextModel.NONE, test);
    assertTrue(words.wrongShare() <= 0.03, "the vocabulary alone never routes much wrongly: " + words);
  }

  @Test
  void theCommandPrintsTheFigures() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = FreeTextEvaluation.run(new String[] {FILE.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("vocabulary + model:") && text.contains("routed right on their own"), text);
    assertEquals(2, FreeTextEvaluation.run(new String[0], new PrintStream(out), new PrintStream(err)));
  }
}
