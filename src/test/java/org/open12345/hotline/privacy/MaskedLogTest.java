package org.open12345.hotline.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The shipped logging configuration writes no citizen's phone number and no URL secret. */
class MaskedLogTest {
  private static String line(String resource, String message, Object[] args, Throwable t) throws Exception {
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(MaskedLogTest.class.getClassLoader().getResource(resource));
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    OutputStreamAppender<?> appender = (OutputStreamAppender<?>) root.getAppender("STDOUT");
    LoggingEvent event = new LoggingEvent("x", root, Level.WARN, message, t, args);
    @SuppressWarnings("unchecked")
    var encoder = (ch.qos.logback.core.encoder.Encoder<ch.qos.logback.classic.spi.ILoggingEvent>) appender.getEncoder();
    String out = new String(encoder.encode(event), StandardCharsets.UTF_8);
    context.stop();
    return out;
  }

  @Test
  void phonesAndSecretsAreMaskedInMessagesAndStackTraces() throws Exception {
    for (String config : new String[] {"logback.xml", "logback-test.xml"}) {
      String out = line(config, "inbound sms from {} on POST {}", new Object[] {"13912345678",
          "/webhooks/sms/aliyun?secret=topsecret&x=1"}, new IllegalStateException("caller 13912345678 hung up"));
      assertTrue(out.contains("inbound sms from 139****5678 on POST /webhooks/sms/aliyun?secret=***&x=1"), out);
      assertTrue(out.contains("IllegalStateException: caller 139****5678 hung up"), out);
      assertFalse(out.contains("13912345678") || out.contains("topsecret"), out);
      assertEquals(1, out.split("hung up", -1).length - 1, "the stack trace is written once: " + out);
    }
  }

  /** The log SMS provider writes the texts it would send: the acknowledgement's query code is not in it. */
  @Test
  void queryCodesAreMaskedInLoggedMessageTexts() throws Exception {
    for (String config : new String[] {"logback.xml", "logback-test.xml"}) {
      String out = line(config, "SMS not sent (log provider) to={} text={}", new Object[] {"13912345678",
          "【12345】您反映的诉求已受理，工单号：20261203000004，查询码：K39TDG。"}, null);
      assertTrue(out.contains("to=139****5678 text=【12345】您反映的诉求已受理，工单号：20261203000004，查询码：******。"), out);
      assertFalse(out.contains("K39TDG"), out);
    }
  }
}
