package org.open12345.hotline.identity;

import java.time.Duration;
import java.util.Map;
import org.open12345.hotline.problem.Problem;

/** The identity feature's refusals. */
final class IdentityProblem extends Problem {
  private IdentityProblem(Kind kind, String code, String message, Map<String, Object> details) {
    super(kind, code, message, details);
  }

  /** One message for unknown account, wrong password and disabled account: no enumeration. */
  static IdentityProblem badLogin() {
    return new IdentityProblem(Kind.UNAUTHENTICATED, "invalid_credentials", "用户名或密码错误", null);
  }

  static IdentityProblem throttled(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return new IdentityProblem(Kind.TOO_MANY, "login_throttled",
        "登录失败次数过多，请 " + Math.max(1, (seconds + 59) / 60) + " 分钟后再试", Map.of("retry_after_seconds", seconds));
  }

  static IdentityProblem weakPassword(String why) {
    return new IdentityProblem(Kind.INVALID, "weak_password", why, Map.of("field", "new_password"));
  }

  static IdentityProblem wrongCurrentPassword() {
    return new IdentityProblem(Kind.INVALID, "wrong_password", "当前密码不正确", Map.of("field", "current_password"));
  }

  static IdentityProblem conflict(String code, String message) {
    return new IdentityProblem(Kind.CONFLICT, code, message, null);
  }

  long retryAfterSeconds() {
    Object v = details() == null ? null : details().get("retry_after_seconds");
    return v instanceof Long l ? l : 0;
  }
}
