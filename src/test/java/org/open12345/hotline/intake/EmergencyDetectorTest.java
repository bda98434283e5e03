package org.open12345.hotline.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmergencyDetectorTest {
  private final EmergencyDetector detector = new EmergencyDetector(EmergencyDefinition.defaults());

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          我家楼下着火了，快来人            | 119 | 着火
          三楼窗户在冒烟                    | 119 | 冒烟
          路口发生车祸                      | 122 | 车祸
          高速上出了交通事故                | 122 | 交通事故
          我爸爸突然昏迷了                  | 120 | 昏迷
          有人心脏病发作                    | 120 | 心脏病
          他大出血                          | 120 | 大出血
          有人抢劫                          | 110 | 抢劫
          小区门口有人打架                  | 110 | 打架
          有人持刀                          | 110 | 持刀
          着 火 了                          | 119 | 着火
          """)
  void findsTheService(String text, String number, String word) {
    EmergencyMatch match = detector.detect(text).orElseThrow();
    assertEquals(number, match.number());
    assertEquals(word, match.word());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"路灯坏了", "噪音扰民，晚上睡不着", "咨询社保缴费"})
  void ordinaryRequestsAreNotEmergencies(String text) {
    assertTrue(detector.detect(text).isEmpty());
  }

  @Test
  void severalServicesEarliestFirst() {
    List<EmergencyMatch> all = detector.detectAll("刚才车祸，司机昏迷不醒");
    assertEquals(List.of("122", "120"), all.stream().map(EmergencyMatch::number).toList());
    assertEquals("122", detector.detect("刚才车祸，司机昏迷不醒").orElseThrow().number());
  }

  @Test
  void negationIsOutOfScopeAndStillMatches() {
    // Documented limit: a false alarm is cheaper than a missed fire.
    assertEquals("119", detector.detect("没有着火，只是问问").orElseThrow().number());
  }

  @Test
  void definitionsComeFromConfiguration() {
    EmergencyDetector custom =
        new EmergencyDetector(List.of(new EmergencyDefinition("119", List.of("Fire"))));
    assertEquals("119", custom.detect("FIRE in building").orElseThrow().number());
    assertTrue(custom.detect("车祸").isEmpty());
  }
}
