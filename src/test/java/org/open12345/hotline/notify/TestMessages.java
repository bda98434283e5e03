package org.open12345.hotline.notify;

import io.vertx.core.json.JsonObject;

/** Outbox messages as tests need them. */
public final class TestMessages {

  private TestMessages() {}

  public static OutboundMessage sms(String kind, String phone, String text, JsonObject vars) {
    return new OutboundMessage("42", kind, "sms", phone, null, text, null, "ticket:GD1:" + kind,
        new JsonObject().put("vars", vars));
  }

  public static OutboundMessage to(String channel, String recipient, String subject, String text) {
    return new OutboundMessage("msg-7", "alert", channel, recipient, subject, text, null,
        "alert:7", new JsonObject());
  }
}
