package org.open12345.hotline.evaluation;

/**
 * Where a 差评 follow-up case (差评核实整改) stands. {@link RatingCaseLife} decides the moves:
 * CALLBACK_DUE → (callback) → FIX_DUE → (fix) → FIXED → (close) → CLOSED, or, when the callback
 * finds the 差评 without basis, EXPLANATION_DUE → (explanation) → EXPLAINED → (close) → CLOSED.
 */
public enum RatingCaseStatus {
  /** The 48-hour callback that verifies the 差评 is due. */
  CALLBACK_DUE("待回访核实"),
  /** The callback found the 差评 founded: the department fixes it within 15 days of the rating. */
  FIX_DUE("待整改"),
  /** The callback found the claim without basis: an explanation to the citizen is due instead. */
  EXPLANATION_DUE("待解释说明"),
  /** Fixed; the citizen was told and invited to rate again; a supervisor closes. */
  FIXED("已整改"),
  /** Explained to the citizen; a supervisor closes. */
  EXPLAINED("已解释说明"),
  CLOSED("已办结");

  private final String label;

  RatingCaseStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isOpen() {
    return this != CLOSED;
  }
}
