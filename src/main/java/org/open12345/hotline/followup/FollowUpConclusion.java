package org.open12345.hotline.followup;

/** How a follow-up (回访) ended, and what it does to the ticket. */
public enum FollowUpConclusion {
  /** Confirmed solved: the ticket is closed; counts as solved in the 解决率. */
  SOLVED("已解决"),
  /** Not solved: the ticket is reopened (重办); counts against the 解决率. */
  NOT_SOLVED("未解决"),
  /** Not reached after the configured number of tries: the ticket is closed; not in the 解决率. */
  UNREACHABLE("多次未接通");

  private final String label;

  FollowUpConclusion(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
