package org.open12345.hotline.evaluation;

import java.util.Optional;

/** The five satisfaction levels of 国办发〔2019〕51号, numbered as the SMS prompt numbers them. */
public enum RatingLevel {
  VERY_SATISFIED(1, "非常满意"),
  SATISFIED(2, "满意"),
  BASIC(3, "基本满意"),
  DISSATISFIED(4, "不满意"),
  VERY_DISSATISFIED(5, "非常不满意");

  private final int code;
  private final String label;

  RatingLevel(int code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The digit the citizen types (1..5). */
  public int code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** 差评: the two lowest levels, which need a callback within 48 hours (seed article 34). */
  public boolean isBad() {
    return this == DISSATISFIED || this == VERY_DISSATISFIED;
  }

  /** Counted as satisfied by the 满意率 (the top three levels). */
  public boolean countsAsSatisfied() {
    return !isBad();
  }

  public static Optional<RatingLevel> ofCode(int code) {
    for (RatingLevel level : values()) {
      if (level.code == code) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }

  /** Parses the constant name or the Chinese label exactly; free text goes to {@link SmsReplyParser}. */
  public static Optional<RatingLevel> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    for (RatingLevel level : values()) {
      if (level.name().equalsIgnoreCase(t) || level.label.equals(t)) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }
}
