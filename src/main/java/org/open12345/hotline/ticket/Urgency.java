package org.open12345.hotline.ticket;

/** 紧急程度. Ordered from least to most urgent so rules can compare. */
public enum Urgency {
  NORMAL("一般"),
  URGENT("紧急"),
  CRITICAL("特急");

  private final String label;

  Urgency(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Urgency parse(String text) {
    return Labels.parse(values(), text, Urgency::label);
  }
}
