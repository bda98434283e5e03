package org.open12345.hotline.ticket;

/** What the citizen asks for (诉求类型). The Chinese label is what operators and rule files use. */
public enum RequestType {
  CONSULT("咨询"),
  HELP("求助"),
  COMPLAINT("投诉"),
  REPORT("举报"),
  SUGGESTION("建议"),
  PRAISE("表扬");

  private final String label;

  RequestType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Accepts the enum name (any case) or the Chinese label; null when neither matches. */
  public static RequestType parse(String text) {
    return Labels.parse(values(), text, RequestType::label);
  }
}
