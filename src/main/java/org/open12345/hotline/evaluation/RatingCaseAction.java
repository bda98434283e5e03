package org.open12345.hotline.evaluation;

/** What people do to a 差评 case; {@link RatingCaseLife} says who may and from which state. */
public enum RatingCaseAction {
  /** 回访核实: the callback to the citizen, its outcome and whether the 差评 is founded. */
  CALLBACK("回访核实"),
  /** 整改: what the department did about it. */
  FIX("整改"),
  /** 解释说明: why the claim has no basis, sent to the citizen. */
  EXPLAIN("解释说明"),
  /** 办结: a supervisor closes the case. */
  CLOSE("办结");

  private final String label;

  RatingCaseAction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
