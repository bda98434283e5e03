package org.open12345.hotline.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NaiveBayesTextModelTest {
  static List<NaiveBayesTextModel.Example> history() {
    List<NaiveBayesTextModel.Example> out = new ArrayList<>();
    String[] cold = {"家里只有十二度，老人孩子受不了", "屋里十三度，晚上盖两床被子", "卧室才十四度，孩子感冒了", "客厅十二度穿羽绒服",
        "温度计显示十三度，一直这样", "白天十四度晚上更低", "家里十二度左右，受不了了", "屋里冰冷，才十三度"};
    String[] lamp = {"小区门口的灯不亮了", "马路边的灯坏了好几盏", "晚上路灯全黑，走路害怕", "街上的灯一到晚上就不亮",
        "灯杆倒了没人管", "桥下的灯不亮，很黑", "十字路口的灯坏了一个月", "胡同里的灯都不亮"};
    for (int i = 0; i < cold.length; i++) {
      out.add(new NaiveBayesTextModel.Example(cold[i], "020301"));
      out.add(new NaiveBayesTextModel.Example(lamp[i], "030300"));
    }
    for (int i = 0; i < 4; i++) {
      out.add(new NaiveBayesTextModel.Example(cold[i] + "，物业说没办法", "020301"));
      out.add(new NaiveBayesTextModel.Example(lamp[i] + "，希望尽快修", "030300"));
    }
    return out;
  }

  @Test
  void learnsCategoriesFromTheCentresHistoryAndKeepsThemThroughStorage() throws Exception {
    NaiveBayesTextModel m = NaiveBayesTextModel.train(history(), "nb-test").orElseThrow();
    assertEquals(List.of("020301", "030300"), m.categories().stream().sorted().toList());
    Map<String, Double> p = m.predict(TextNormalizer.normalize("我家里才十三度，孩子受不了"));
    assertEquals("020301", p.keySet().iterator().next(), p.toString());
    assertTrue(p.get("020301") > 0.8, p.toString());
    NaiveBayesTextModel copy = NaiveBayesTextModel.fromBytes(m.toBytes(), "nb-test");
    assertEquals(p, copy.predict(TextNormalizer.normalize("我家里才十三度，孩子受不了")));
    assertEquals("030300", copy.predict(TextNormalizer.normalize("路边的灯不亮")).keySet().iterator().next());
  }

  @Test
  void saysNothingAboutTextItNeverSaw() {
    NaiveBayesTextModel m = NaiveBayesTextModel.train(history(), "nb-test").orElseThrow();
    assertEquals(Map.of(), m.predict(TextNormalizer.normalize("😀 hello ！！")));
    assertEquals(Map.of(), m.predict(""));
  }

  @Test
  void tooFewExamplesOrOneCategoryTrainNothing() {
    assertTrue(NaiveBayesTextModel.train(history().subList(0, 10), "x").isEmpty());
    assertTrue(NaiveBayesTextModel.train(history().stream().filter(e -> e.categoryCode().equals("020301")).toList(), "x")
        .isEmpty());
  }

  @Test
  void refusesStoredBytesThatAreNotAModel() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(b)) {
      out.writeObject(new java.util.Date());
    }
    assertThrows(java.io.IOException.class, () -> NaiveBayesTextModel.fromBytes(b.toByteArray(), "x"));
    assertThrows(java.io.IOException.class, () -> NaiveBayesTextModel.fromBytes(new byte[] {1, 2, 3}, "x"));
  }

  @Test
  void theModelJoinsTheVocabularyInTheReading() {
    RuleSet rules = ShippedRules.load();
    NaiveBayesTextModel m = NaiveBayesTextModel.train(history(), "nb-test").orElseThrow();
    RoutingInput in = RoutingInput.builder().description("我家里才十三度，孩子受不了").build();
    assertTrue(rules.route(in).isManual(), "the vocabulary alone cannot tell");
    RoutingDecision d = rules.route(in, m, true);
    assertEquals("hhht.heating", d.leadDepartmentId(), d.toString());
    assertEquals("nb-test", d.reading().modelVersion());
  }
}
