package org.open12345.hotline.notify.mail;

import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;
import java.util.Locale;
import org.open12345.hotline.notify.ConfigSection;

/**
 * The {@code messaging.mail} section.
 *
 * @param starttls {@code disabled}, {@code optional} or {@code required}
 * @param ssl implicit TLS from the first byte (port 465); usually false with STARTTLS on 587
 * @param from sender, may carry a display name: {@code 12345热线 <noreply@12345.example.gov.cn>}
 * @param messageIdDomain right-hand side of Message-IDs; defaults to the from address's domain
 * @param sendTimeoutMs how long one mail may take, from asking the pool for a connection to the
 *     server's answer to the message; keep it well below {@code outbox.claim_lease}
 */
public record SmtpSettings(
    String host,
    int port,
    StartTLSOptions starttls,
    boolean ssl,
    boolean trustAll,
    String username,
    String password,
    String from,
    String messageIdDomain,
    int connectTimeoutMs,
    int sendTimeoutMs) {

  public static SmtpSettings from(ConfigSection section) {
    String from = section.requireString("from");
    String starttls = section.string("starttls", "optional").toUpperCase(Locale.ROOT);
    StartTLSOptions tls;
    try {
      tls = StartTLSOptions.valueOf(starttls);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          section.path() + ".starttls must be disabled, optional or required, got " + starttls);
    }
    int sendTimeoutMs = section.integer("sendTimeoutMs", 30_000);
    if (sendTimeoutMs < 1) {
      throw new IllegalArgumentException(section.path() + ".sendTimeoutMs must be positive, got " + sendTimeoutMs);
    }
    return new SmtpSettings(
        section.string("host", "localhost"),
        section.integer("port", 25),
        tls,
        section.bool("ssl", false),
        section.bool("trustAll", false),
        section.string("username", null),
        section.string("password", null),
        from,
        section.string("messageIdDomain", domainOf(from)),
        section.integer("connectTimeoutMs", 10_000),
        sendTimeoutMs);
  }

  static String domainOf(String from) {
    String address = from;
    int open = from.lastIndexOf('<');
    if (open >= 0) {
      int close = from.indexOf('>', open);
      address = from.substring(open + 1, close < 0 ? from.length() : close);
    }
    int at = address.lastIndexOf('@');
    return at < 0 ? "hotline.local" : address.substring(at + 1).trim();
  }

  MailConfig toMailConfig() {
    boolean auth = username != null && !username.isBlank();
    MailConfig config = new MailConfig()
        .setHostname(host)
        .setPort(port)
        .setStarttls(starttls)
        .setSsl(ssl)
        .setTrustAll(trustAll)
        .setLogin(auth ? LoginOption.REQUIRED : LoginOption.DISABLED)
        .setConnectTimeout(connectTimeoutMs)
        // EHLO name and default Message-ID host; ours is set per message anyway.
        .setOwnHostname(messageIdDomain);
    if (auth) {
      config.setUsername(username).setPassword(password);
    }
    return config;
  }
}
