package org.open12345.hotline.ticket;

/** The states of a ticket's life (see docs in README, "Ticket life"). */
public enum TicketStatus {
  /** 已受理, awaiting dispatch: the manual dispatch queue when routing found no rule. */
  RECEIVED("已受理", false),
  /** 直接答复办结: the operator answered on the call; no department involved. */
  ANSWERED("直接办结", true),
  DISPATCHED("已派单", false),
  SIGNED("已签收", false),
  /** 已退单: a department sent it back; the centre must re-dispatch or rule it is theirs. */
  RETURNED("已退单", false),
  REPLIED("已答复", false),
  CLOSED("已办结", true),
  /** 重办: sent back to the department after an unsatisfied callback. */
  REOPENED("重办", false),
  /** 已并案: folded into a master ticket. */
  MERGED("已并案", true),
  /** 终止办理. */
  STOPPED("终止办理", true);

  private final String label;
  private final boolean terminal;

  TicketStatus(String label, boolean terminal) {
    this.label = label;
    this.terminal = terminal;
  }

  public String label() {
    return label;
  }

  /** True when no department work remains; deadlines stop running. */
  public boolean terminal() {
    return terminal;
  }

  public static TicketStatus parse(String text) {
    return Labels.parse(values(), text, TicketStatus::label);
  }
}
