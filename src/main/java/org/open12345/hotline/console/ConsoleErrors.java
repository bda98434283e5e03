package org.open12345.hotline.console;

import org.open12345.hotline.problem.Problem;
import org.open12345.hotline.web.ApiErrors;

/** A service's refusal as a page says it: a Chinese sentence by kind, the service's reason after it. */
final class ConsoleErrors {
  private ConsoleErrors() {}

  static int status(Problem p) {
    return ApiErrors.status(p.kind());
  }

  static String chinese(Problem p) {
    String what = switch (p.kind()) {
      case INVALID -> "填写的内容有误，请检查后重新提交";
      case FORBIDDEN -> "您无权进行此操作";
      case NOT_FOUND -> "没有找到相关工单";
      case CONFLICT -> "工单当前的状态不允许此操作，请刷新后查看最新状态";
      case TOO_MANY -> "操作过于频繁，请稍后再试";
      case UNAUTHENTICATED -> "请重新登录";
      case UNPROCESSABLE -> "提交的内容与此前的同一请求不一致";
    };
    return what + "（" + p.getMessage() + "）";
  }
}
