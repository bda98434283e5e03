package org.open12345.hotline.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * What a password must be (GB/T 22239 level 3 practice): at least 8 characters, from at least
 * three of the classes lower-case, upper-case, digits and symbols, not the account name, at most
 * 128 characters (the hash cost must stay bounded).
 */
final class PasswordRules {
  static final int MIN_LENGTH = 8;
  static final int MAX_LENGTH = 128;

  private PasswordRules() {}

  /** Why {@code password} is refused for {@code account} (in Chinese, shown to the user), or empty. */
  static Optional<String> problem(String password, String account) {
    if (password == null || password.length() < MIN_LENGTH) {
      return Optional.of("密码至少 " + MIN_LENGTH + " 位");
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of("密码不能超过 " + MAX_LENGTH + " 位");
    }
    if (classes(password) < 3) {
      return Optional.of("密码须包含大写字母、小写字母、数字、符号中的至少三类");
    }
    if (account != null && password.toLowerCase(Locale.ROOT).contains(account.toLowerCase(Locale.ROOT))) {
      return Optional.of("密码不能包含用户名");
    }
    return Optional.empty();
  }

  static int classes(String password) {
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean other = false;
    for (int i = 0; i < password.length(); i++) {
      char c = password.charAt(i);
      if (c >= 'a' && c <= 'z') {
        lower = true;
      } else if (c >= 'A' && c <= 'Z') {
        upper = true;
      } else if (c >= '0' && c <= '9') {
        digit = true;
      } else {
        other = true;
      }
    }
    return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
  }
}
