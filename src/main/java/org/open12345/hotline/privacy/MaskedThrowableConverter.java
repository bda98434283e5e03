package org.open12345.hotline.privacy;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;

/** Stack traces with phone numbers and URL secrets in their messages masked ({@code %maskedEx}). */
public final class MaskedThrowableConverter extends ExtendedThrowableProxyConverter {
  @Override
  protected String throwableProxyToString(ch.qos.logback.classic.spi.IThrowableProxy tp) {
    return ContactMask.inText(super.throwableProxyToString(tp));
  }
}
