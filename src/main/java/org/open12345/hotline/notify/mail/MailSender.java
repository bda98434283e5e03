package org.open12345.hotline.notify.mail;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.open12345.hotline.notify.MessageSender;
import org.open12345.hotline.notify.OutboundMessage;
import org.open12345.hotline.notify.SendOutcome;
import org.open12345.hotline.notify.TransportFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code mail} channel: SMTP through vertx-mail-client, plain text plus optional HTML. */
public final class MailSender implements MessageSender {

  public static final String CHANNEL = "mail";
  private static final Logger log = LoggerFactory.getLogger(MailSender.class);

  private final Vertx vertx;
  private final SmtpSettings settings;
  /** Replaced when a send gets no answer in time (see {@link #abandon}). */
  private volatile MailClient client;

  public MailSender(Vertx vertx, SmtpSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
    // Non-shared: a registry owns its client and closes it.
    this.client = newClient();
  }

  private MailClient newClient() {
    return MailClient.create(vertx, settings.toMailConfig());
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
    MailClient used = client;
    // The mail client has no deadline of its own once connected: a server that never answers,
    // or a close it did not see, would hold this send (and the relay's round) forever.
    return used.sendMail(mail)
        .timeout(settings.sendTimeoutMs(), TimeUnit.MILLISECONDS)
        .map(result -> SendOutcome.sent(messageId, "accepted for " + result.getRecipients()))
        .recover(failure -> {
          if (failure instanceof TimeoutException) {
            abandon(used);
            return Future.succeededFuture(
                SendOutcome.retry("no answer from the SMTP server within " + settings.sendTimeoutMs() + " ms"));
          }
          return classify(failure);
        });
  }

  /**
   * Puts a new client in place of one whose send went unanswered. The old client's pool may hold
   * connections that never end: one to a server that took it and never greets, or one whose
   * hang-up the client missed (vertx-mail-client 5.0 sets its close handler only after the pool
   * hands the connection out, and a close before that reaches no handler). Such a connection keeps
   * its pool slot; with every slot held so, every later send would wait for a slot. A fresh
   * client starts with an empty pool. The old one is closed without waiting: its unfinished
   * sends end by their own timeouts.
   */
  private synchronized void abandon(MailClient stuck) {
    if (client != stuck) {
      return; // another timed-out send replaced it already
    }
    client = newClient();
    log.warn("SMTP {}:{} gave no answer within {} ms; mail client replaced", settings.host(), settings.port(),
        settings.sendTimeoutMs());
    stuck.close();
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
