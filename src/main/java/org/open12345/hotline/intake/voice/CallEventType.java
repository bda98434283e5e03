package org.open12345.hotline.intake.voice;

/** Call events, in Zammad's generic CTI vocabulary plus REPORT for after-call records. */
public enum CallEventType {
  NEW_CALL,
  ANSWER,
  HANGUP,
  /** A finished-call record (Aliyun VoiceReport, Huawei release) or late data (ASR, digits). */
  REPORT;

  /** True when the call is over and its outcome can be decided. */
  public boolean ends() {
    return this == HANGUP || this == REPORT;
  }
}
