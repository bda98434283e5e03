package org.open12345.hotline.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hankcs.hanlp.classification.classifiers.NaiveBayesClassifier;
import com.hankcs.hanlp.classification.corpus.MemoryDataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Counting example by example builds the model HanLP's in-memory trainer builds, byte for byte. */
class NaiveBayesCountsTest {
  /** The trainer as it was before counting: HanLP's MemoryDataSet and NaiveBayesClassifier. */
  private static byte[] hanLpTrained(List<NaiveBayesTextModel.Example> examples, String version) {
    MemoryDataSet data = new MemoryDataSet();
    data.setTokenizer(new TextTokenizer());
    for (NaiveBayesTextModel.Example e : examples) {
      String text = TextNormalizer.normalize(e.text());
      if (!text.isEmpty() && e.categoryCode() != null) {
        data.add(e.categoryCode(), text);
      }
    }
    NaiveBayesClassifier c = new NaiveBayesClassifier();
    c.train(data);
    return new NaiveBayesTextModel(c.getNaiveBayesModel(), version).toBytes();
  }

  private static List<NaiveBayesTextModel.Example> shippedTrainingPart() throws Exception {
    List<NaiveBayesTextModel.Example> out = new ArrayList<>();
    for (FreeTextEvaluation.Labelled l : FreeTextEvaluation.read(FreeTextEvaluationTest.FILE)) {
      if (l.split().equals("train")) {
        out.add(new NaiveBayesTextModel.Example(l.text(), l.category()));
      }
    }
    // what the trainer skips must be skipped the same way (and not shift the ids)
    out.add(1, new NaiveBayesTextModel.Example("  ", "020301"));
    out.add(3, new NaiveBayesTextModel.Example("路灯不亮", null));
    out.add(5, new NaiveBayesTextModel.Example("！！？", "030300"));
    return out;
  }

  @Test
  void countingBuildsTheModelHanLpsTrainerBuilds() throws Exception {
    List<NaiveBayesTextModel.Example> examples = shippedTrainingPart();
    NaiveBayesTextModel counted = NaiveBayesTextModel.train(examples, "nb-x").orElseThrow();
    assertArrayEquals(hanLpTrained(examples, "nb-x"), counted.toBytes(), "the stored bytes of both models");
    List<NaiveBayesTextModel.Example> small = NaiveBayesTextModelTest.history();
    assertArrayEquals(hanLpTrained(small, "nb-y"), NaiveBayesTextModel.train(small, "nb-y").orElseThrow().toBytes());
  }

  @Test
  void countsGrowWithTheVocabularyNotWithTheExamples() throws Exception {
    List<NaiveBayesTextModel.Example> examples = shippedTrainingPart();
    NaiveBayesCounts once = new NaiveBayesCounts();
    examples.forEach(e -> once.add(e.text(), e.categoryCode()));
    NaiveBayesCounts tenTimes = new NaiveBayesCounts();
    for (int i = 0; i < 10; i++) {
      examples.forEach(e -> tenTimes.add(e.text(), e.categoryCode()));
    }
    assertEquals(10 * once.examples(), tenTimes.examples());
    assertEquals(once.features(), tenTimes.features(), "the same texts again add no features");
    // ten copies of each example: sharper counts, the same reading
    NaiveBayesTextModel a = once.build("a").orElseThrow();
    NaiveBayesTextModel b = tenTimes.build("b").orElseThrow();
    String text = TextNormalizer.normalize("小区暖气不热，室温只有15度");
    Map<String, Double> pa = a.predict(text);
    Map<String, Double> pb = b.predict(text);
    assertEquals(pa.keySet().iterator().next(), pb.keySet().iterator().next(), pa + " / " + pb);
    assertTrue(once.examples() > 400, "examples: " + once.examples());
  }
}
