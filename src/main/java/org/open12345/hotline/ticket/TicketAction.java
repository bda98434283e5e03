package org.open12345.hotline.ticket;

/** What someone does to a ticket; each is one event in its log. */
public enum TicketAction {
  CREATE("受理"),
  ANSWER_ON_SPOT("直接办结"),
  DISPATCH("派单"),
  SIGN("签收"),
  CONTACT("联系诉求人"),
  RETURN("退单"),
  /** The centre rules that a returned ticket is the department's after all: back to it, its clock running on. */
  REJECT_RETURN("驳回退单"),
  REPLY("答复"),
  CLOSE("办结"),
  REOPEN("重办"),
  MERGE("并案"),
  STOP("终止办理");

  private final String label;

  TicketAction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static TicketAction parse(String text) {
    return Labels.parse(values(), text == null ? null : text.replace('-', '_'), TicketAction::label);
  }
}
