package org.open12345.hotline.notify.sms;

import io.vertx.core.Future;
import java.util.UUID;
import org.open12345.hotline.notify.MessageSender;
import org.open12345.hotline.notify.OutboundMessage;
import org.open12345.hotline.notify.SendOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default SMS provider: sends nothing and logs the text, so the server runs with no SMS
 * account; the outbox row (shown by the outbox API) keeps what would have been sent.
 */
public final class LogSmsSender implements MessageSender {

  private static final Logger LOG = LoggerFactory.getLogger(LogSmsSender.class);

  @Override
  public String channel() {
    return SmsChannel.NAME;
  }

  @Override
  public Future<SendOutcome> send(OutboundMessage message) {
    String id = "log-" + UUID.randomUUID();
    LOG.info("SMS not sent (log provider) id={} kind={} to={} text={}",
        id, message.kind(), message.recipient(), message.textBody());
    return Future.succeededFuture(SendOutcome.sent(id, "logged, not sent"));
  }
}
