package org.open12345.hotline.notify.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.notify.ConfigSection;
import org.open12345.hotline.notify.OutboundMessage;
import org.open12345.hotline.notify.Outcomes;
import org.open12345.hotline.notify.SendOutcome;

class MailSenderTest {

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withUser("hotline", "s3cret"))
      .withPerMethodLifecycle(true);

  private static final String SUBJECT = "【督办】工单GD20260301001「办理答复」已超期1天3小时";
  private static final String TEXT = "市水务局：\n\n督办通知：工单GD20260301001已超期1天3小时。";
  private static final String HTML = "<p>市水务局：</p><p><strong>督办通知</strong>：工单GD20260301001已超期1天3小时。</p>";

  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    Await.result(vertx.close());
  }

  private MailSender sender(int port, String password) {
    return new MailSender(vertx, SmtpSettings.from(new ConfigSection("messaging.mail", settings(port, password))));
  }

  private static JsonObject settings(int port, String password) {
    return new JsonObject()
        .put("host", "127.0.0.1")
        .put("port", port)
        .put("starttls", "optional")
        .put("username", "hotline")
        .put("password", password)
        .put("from", "12345热线 <noreply@12345.example.gov.cn>")
        .put("connectTimeoutMs", 2000);
  }

  private static OutboundMessage supervisionMail(String dedupeKey) {
    return new OutboundMessage("7", "supervision", "mail", "water@example.gov.cn", SUBJECT, TEXT, HTML,
        dedupeKey, new JsonObject());
  }

  @Test
  void chineseSubjectAndBodiesArriveWithAStableMessageId() throws Exception {
    MailSender sender = sender(smtp.getSmtp().getPort(), "s3cret");

    SendOutcome first = Await.result(sender.send(supervisionMail("supervision:GD20260301001:1")));
    SendOutcome second = Await.result(sender.send(supervisionMail("supervision:GD20260301001:1")));

    assertTrue(smtp.waitForIncomingEmail(5000, 2));
    MimeMessage[] received = smtp.getReceivedMessages();
    String expectedId = MessageIds.forDedupeKey("supervision:GD20260301001:1", "12345.example.gov.cn");
    assertTrue(expectedId.matches("<[0-9a-f]{64}@12345\\.example\\.gov\\.cn>"), expectedId);
    assertEquals(expectedId, Outcomes.sent(first).providerId());
    assertEquals(expectedId, Outcomes.sent(second).providerId());
    for (MimeMessage message : received) {
      assertEquals(SUBJECT, message.getSubject());
      assertEquals(expectedId, message.getHeader("Message-ID")[0]);
      assertEquals("water@example.gov.cn", message.getAllRecipients()[0].toString());
      assertTrue(message.getFrom()[0].toString().contains("noreply@12345.example.gov.cn"));
      assertTrue(message.getContentType().startsWith("multipart/alternative"), message.getContentType());
      Multipart parts = (Multipart) message.getContent();
      BodyPart text = parts.getBodyPart(0);
      BodyPart html = parts.getBodyPart(1);
      assertTrue(text.isMimeType("text/plain"));
      assertEquals(TEXT, ((String) text.getContent()).replace("\r\n", "\n").strip());
      assertTrue(html.isMimeType("text/html"));
      assertEquals(HTML, ((String) html.getContent()).strip());
    }
  }

  @Test
  void aDifferentDedupeKeyGivesADifferentMessageId() {
    assertNotEquals(MessageIds.forDedupeKey("a", "h"), MessageIds.forDedupeKey("b", "h"));
  }

  @Test
  void smtpDownIsRetried() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    SendOutcome outcome = Await.result(sender(closedPort, "s3cret").send(supervisionMail("k")));
    Outcomes.retry(outcome);
  }

  @Test
  void aServerThatNeverGreetsIsRetriedAfterTheSendTimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
      MailSender sender = new MailSender(vertx, SmtpSettings.from(new ConfigSection("messaging.mail",
          settings(silent.getLocalPort(), "s3cret").put("sendTimeoutMs", 300))));
      SendOutcome outcome = Await.result(sender.send(supervisionMail("k")));
      assertEquals("no answer from the SMTP server within 300 ms", Outcomes.retry(outcome).reason());
    }
  }

  @Test
  void aSendTimeoutBelowOneMillisecondIsRefused() {
    var config = new ConfigSection("messaging.mail", settings(25, "s3cret").put("sendTimeoutMs", 0));
    var refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> SmtpSettings.from(config));
    assertEquals("messaging.mail.sendTimeoutMs must be positive, got 0", refused.getMessage());
  }

  @Test
  void rejectedCredentialsArePermanent() throws Exception {
    SendOutcome outcome = Await.result(sender(smtp.getSmtp().getPort(), "wrong").send(supervisionMail("k")));
    assertTrue(Outcomes.permanent(outcome).reason().startsWith("SMTP 5"), outcome.toString());
    assertEquals(0, smtp.getReceivedMessages().length);
  }
}
