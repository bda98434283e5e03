package org.open12345.hotline.ticket;

/** The intake channel a ticket came through (受理渠道). */
public enum Channel {
  PHONE("电话"),
  SMS("短信"),
  WEB("网站"),
  OPEN311("Open311"),
  APP("移动端"),
  WECHAT("微信"),
  EMAIL("邮件");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Channel parse(String text) {
    return Labels.parse(values(), text, Channel::label);
  }
}
