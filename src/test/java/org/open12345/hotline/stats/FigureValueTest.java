package org.open12345.hotline.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FigureValueTest {

  @Test
  void theRateRoundsHalfUpToFourDecimals() {
    assertEquals(new BigDecimal("0.6667"), FigureValue.of(FigureDefinition.RESPONSE_RATE, 2, 3).rate());
    assertEquals(new BigDecimal("0.1667"), FigureValue.of(FigureDefinition.RESPONSE_RATE, 1, 6).rate());
    assertEquals(new BigDecimal("0.0001"), FigureValue.of(FigureDefinition.RESPONSE_RATE, 1, 20000).rate());
    assertEquals(new BigDecimal("0.0000"), FigureValue.of(FigureDefinition.RESPONSE_RATE, 1, 20001).rate());
    assertEquals(new BigDecimal("1.0000"), FigureValue.of(FigureDefinition.RESPONSE_RATE, 7, 7).rate());
  }

  @Test
  void nothingToMeasureHasNoRate() {
    FigureValue none = FigureValue.of(FigureDefinition.SATISFACTION_RATE, 0, 0);
    assertTrue(none.available());
    assertNull(none.rate());
    FigureValue unavailable = FigureValue.unavailable(FigureDefinition.DIRECT_ANSWER_RATE, "不适用");
    assertFalse(unavailable.available());
    assertNull(unavailable.rate());
  }

  @Test
  void everyFigureHasAnIdANameAndADefinition() {
    for (FigureDefinition f : FigureDefinition.values()) {
      assertTrue(f.id().matches("[a-z_]+"), f.id());
      assertFalse(f.label().isBlank());
      assertTrue(f.definition().contains("÷"), f.id() + " says what is divided by what");
      assertEquals(f, FigureDefinition.byId(f.id()).orElseThrow());
    }
    assertTrue(FigureDefinition.byId("nope").isEmpty());
  }

  @Test
  void directAnswersApplyOnlyOutsideDepartmentRowsAndEveryOtherFigureEverywhere() {
    assertTrue(FigureDefinition.DIRECT_ANSWER_RATE.unavailableReason(true).isPresent());
    assertTrue(FigureDefinition.DIRECT_ANSWER_RATE.unavailableReason(false).isEmpty());
    assertTrue(FigureDefinition.BAD_RATING_CLOSED_IN_TIME_RATE.unavailableReason(false).isEmpty());
    assertTrue(FigureDefinition.BAD_RATING_CLOSED_IN_TIME_RATE.unavailableReason(true).isEmpty());
    assertTrue(FigureDefinition.RESPONSE_RATE.unavailableReason(true).isEmpty());
  }

  @Test
  void theReadmeTableShowsEachDefinitionAsTheApiSendsIt() throws Exception {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
    for (FigureDefinition f : FigureDefinition.values()) {
      String line = "| " + f.label() + " `" + f.id() + "` | " + f.definition() + " |";
      assertTrue(readme.contains(line), "README.md lacks or differs from: " + line);
    }
  }
}
