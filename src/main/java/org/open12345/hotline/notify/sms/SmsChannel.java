package org.open12345.hotline.notify.sms;

/** The channel name every SMS provider answers to; only one provider is active at a time. */
public final class SmsChannel {

  public static final String NAME = "sms";

  private SmsChannel() {}
}
