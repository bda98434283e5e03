package org.open12345.hotline.intake.sms;

import org.open12345.hotline.problem.Problem;

/** Settling an inbound SMS refused: a role that may not (403), or a message already settled (409). */
public final class SettleRefused extends Problem {

  private SettleRefused(Kind kind, String code, String message) {
    super(kind, code, message, null);
  }

  static SettleRefused forbidden(String message) {
    return new SettleRefused(Kind.FORBIDDEN, "forbidden_action", message);
  }

  static SettleRefused conflict(String code, String message) {
    return new SettleRefused(Kind.CONFLICT, code, message);
  }
}
