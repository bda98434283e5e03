package org.open12345.hotline.intake.web;

/**
 * What the complaint's answer page and JSON tell a citizen whose text names an emergency: call the
 * number now, 12345 does not dispatch police, fire or ambulance (the ticket is recorded anyway).
 */
final class EmergencyAdvice {
  private EmergencyAdvice() {}

  static String of(String number) {
    String what = switch (number) {
      case "110" -> "可能涉及人身安全，请立即拨打110报警。";
      case "119" -> "可能涉及火灾等险情，请立即拨打119火警电话。";
      case "120" -> "可能有人需要急救，请立即拨打120急救电话。";
      case "122" -> "可能涉及交通事故，请立即拨打122交通事故报警电话。";
      default -> "可能涉及紧急情况，请立即拨打" + number + "。";
    };
    return "您反映的情况" + what + "12345热线不能代替" + number + "出警处置；您的诉求已同时登记，值班人员会尽快与您联系。";
  }
}
