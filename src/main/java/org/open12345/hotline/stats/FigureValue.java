package org.open12345.hotline.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One figure in one row: the two counts the database returned, or why there is no value.
 *
 * @param numerator null when unavailable
 * @param denominator null when unavailable
 * @param unavailableReason null when the figure has a value
 */
public record FigureValue(FigureDefinition figure, Long numerator, Long denominator, String unavailableReason) {

  public static FigureValue of(FigureDefinition figure, long numerator, long denominator) {
    return new FigureValue(figure, numerator, denominator, null);
  }

  public static FigureValue unavailable(FigureDefinition figure, String reason) {
    return new FigureValue(figure, null, null, reason);
  }

  public boolean available() {
    return unavailableReason == null;
  }

  /**
   * numerator ÷ denominator rounded half-up to 4 decimals (0.8125 = 81.25 %); null when the
   * denominator is 0 (nothing to measure is not 0 % nor 100 %) or the figure is unavailable.
   */
  public BigDecimal rate() {
    if (!available() || denominator == 0) {
      return null;
    }
    return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
  }
}
