package org.open12345.hotline.notify.mail;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import java.util.Arrays;
import java.util.List;
import org.open12345.hotline.notify.MessageSender;
import org.open12345.hotline.notify.OutboundMessage;
import org.open12345.hotline.notify.SendOutcome;
import org.open12345.hotline.notify.TransportFailure;

/** The {@code mail} channel: SMTP through vertx-mail-client, plain text plus optional HTML. */
public final class MailSender implements MessageSender {

  public static final String CHANNEL = "mail";

  private final SmtpSettings settings;
  private final MailClient client;

  public MailSender(Vertx vertx, SmtpSettings settings) {
    this.settings = settings;
    // Non-shared: a registry owns its client and closes it.
    this.client = MailClient.create(vertx, settings.toMailConfig());
  }

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public Future<SendOutcome> send(OutboundMessage message) {
    List<String> to = Arrays.stream(message.recipient().split("[,;]"))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
    if (to.isEmpty()) {
      return Future.succeededFuture(SendOutcome.permanent("no mail recipient"));
    }
    String messageId = MessageIds.forDedupeKey(message.dedupeKey(), settings.messageIdDomain());
    MailMessage mail = new MailMessage()
        .setFrom(settings.from())
        .setTo(to)
        .setSubject(message.subject() == null ? "" : message.subject())
        .setText(message.textBody())
        .setHeaders(MultiMap.caseInsensitiveMultiMap().set("Message-ID", messageId));
    if (message.htmlBody() != null) {
      mail.setHtml(message.htmlBody());
    }
    return client.sendMail(mail)
        .map(result -> SendOutcome.sent(messageId, "accepted for " + result.getRecipients()))
        .recover(MailSender::classify);
  }

  private static Future<SendOutcome> classify(Throwable failure) {
    // A 5xx reply (unknown mailbox, relay denied, rejected content) will not change on retry;
    // everything else (4xx greylisting, connection refused, TLS hiccup) may.
    if (failure instanceof SMTPException smtp && smtp.isPermanent()) {
      return Future.succeededFuture(SendOutcome.permanent(
          "SMTP " + smtp.getReplyCode() + " " + smtp.getReplyMessage()));
    }
    return TransportFailure.asRetry(failure);
  }

  public Future<Void> close() {
    return client.close();
  }
}
