package org.open12345.hotline.escalation;

/** The rungs of the ladder, in the order they normally fire. */
public enum StepKind {
  /** 催办: a reminder before the deadline. */
  REMIND("催办"),
  /** 督办: formal supervision notice once the deadline is missed. */
  SUPERVISE("督办"),
  /** 通报: escalation upwards, marked for public criticism. */
  ESCALATE("通报");

  private final String label;

  StepKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
