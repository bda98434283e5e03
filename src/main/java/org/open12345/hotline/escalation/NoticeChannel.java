package org.open12345.hotline.escalation;

/** How a step's notice travels (through the outbox). */
public enum NoticeChannel {
  MAIL,
  /** A group-chat robot (WeCom, DingTalk, Feishu webhook). */
  ROBOT,
  SMS
}
