package org.open12345.hotline.privacy;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %msg} with citizens' phone numbers and URL secrets masked
 * ({@code logback.xml}: {@code %maskedMsg}). Applied to every line, so no call site has to
 * remember; exceptions' messages pass through {@link MaskedThrowableConverter}.
 */
public final class MaskedMessageConverter extends MessageConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return ContactMask.inText(super.convert(event));
  }
}
