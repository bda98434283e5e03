package org.open12345.hotline.intake.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.evaluation.RatingLevel;
import org.open12345.hotline.intake.PayloadException;
import org.open12345.hotline.intake.Payloads;
import org.open12345.hotline.intake.voice.CallOutcome.Kind;

class CallOutcomeClassifierTest {
  private static final Instant T0 = Instant.parse("2024-05-01T01:00:00Z");

  private static CallEvent event(CallEventType type, CallDirection dir, String from, String cause, String agent,
      String transcript, String digits, int secondsAfter) {
    return new CallEvent("generic", "c1", type, from, "12345", dir, cause, agent,
        type == CallEventType.ANSWER ? T0.plusSeconds(secondsAfter) : null, null, transcript, digits,
        T0.plusSeconds(secondsAfter), "{}");
  }

  private static CallEvent newCall(CallDirection dir, String from) {
    return event(CallEventType.NEW_CALL, dir, from, null, null, null, null, 0);
  }

  private static CallEvent answer() {
    return event(CallEventType.ANSWER, CallDirection.IN, "13800138000", null, "op7", null, null, 5);
  }

  private static CallEvent hangup(CallDirection dir, String from, String cause, String transcript) {
    return event(CallEventType.HANGUP, dir, from, cause, null, transcript, null, 60);
  }

  private static CallEvent digits(String d) {
    return event(CallEventType.REPORT, CallDirection.UNKNOWN, null, null, null, null, d, 90);
  }

  @Test
  void notFinishedYet() {
    assertEquals(Kind.IN_PROGRESS, CallOutcomeClassifier.classify(List.of(newCall(CallDirection.IN, "13800138000"), answer())).kind());
    assertEquals(Kind.IN_PROGRESS, CallOutcomeClassifier.classify(List.of()).kind());
  }

  @Test
  void answeredCall() {
    var outcome = CallOutcomeClassifier.classify(
        List.of(newCall(CallDirection.IN, "13800138000"), answer(), hangup(CallDirection.IN, "13800138000", "normalClearing", null)));
    assertEquals(Kind.ANSWERED, outcome.kind());
    assertNull(outcome.rating());
  }

  @Test
  void keypadRatingAfterAnsweredCall() {
    var outcome = CallOutcomeClassifier.classify(
        List.of(digits("4"), hangup(CallDirection.IN, "13800138000", "normalClearing", null), answer(), newCall(CallDirection.IN, "13800138000")));
    assertEquals(Kind.CALL_RATING, outcome.kind());
    assertEquals(RatingLevel.DISSATISFIED, outcome.rating());
  }

  @Test
  void badKeypadDigitsAreNotARating() {
    for (String d : List.of("6", "0", "12", "*", "#")) {
      var outcome = CallOutcomeClassifier.classify(
          List.of(answer(), hangup(CallDirection.IN, "13800138000", "normalClearing", null), digits(d)));
      assertEquals(Kind.ANSWERED, outcome.kind(), d);
      assertNull(outcome.rating(), d);
    }
  }

  @Test
  void digitsWithoutAnAnswerAreMenuChoices() {
    var outcome = CallOutcomeClassifier.classify(
        List.of(newCall(CallDirection.IN, "13800138000"), hangup(CallDirection.IN, "13800138000", "cancel", null), digits("2")));
    assertEquals(Kind.CALLBACK_TASK, outcome.kind());
  }

  @Test
  void voicemailBecomesATicket() throws PayloadException {
    List<CallEvent> events = new GenericCtiFormat().parse(Payloads.read("voice/generic-cti-voicemail.json"), T0);
    var outcome = CallOutcomeClassifier.classify(events);
    assertEquals(Kind.VOICEMAIL_TICKET, outcome.kind(), "normalClearing without an operator is the IVR");
    assertEquals(events.get(0).transcript(), outcome.transcript());
  }

  @Test
  void abandonedInboundCallNeedsACallback() {
    var outcome = CallOutcomeClassifier.classify(
        List.of(newCall(CallDirection.IN, "13800138000"), hangup(CallDirection.IN, "13800138000", "cancel", null)));
    assertEquals(Kind.CALLBACK_TASK, outcome.kind());
  }

  @Test
  void withheldNumberCannotBeCalledBack() {
    var outcome = CallOutcomeClassifier.classify(
        List.of(newCall(CallDirection.IN, "anonymous"), hangup(CallDirection.IN, "anonymous", "cancel", null)));
    assertEquals(Kind.NO_ACTION, outcome.kind());
  }

  @Test
  void unansweredOutboundAndForwardedCallsNeedNothing() {
    assertEquals(Kind.NO_ACTION, CallOutcomeClassifier.classify(
        List.of(newCall(CallDirection.OUT, "12345"), hangup(CallDirection.OUT, "12345", "noAnswer", null))).kind());
    assertEquals(Kind.NO_ACTION, CallOutcomeClassifier.classify(
        List.of(newCall(CallDirection.IN, "13800138000"), hangup(CallDirection.IN, "13800138000", "forwarded", null))).kind());
  }

  @Test
  void platformReportsAlone() throws PayloadException {
    List<CallEvent> aliyun = new AliyunVoiceReportFormat(Set.of("12345"))
        .parse(Payloads.read("voice/aliyun-voicereport.json"), T0);
    assertEquals(Kind.ANSWERED, CallOutcomeClassifier.classify(List.of(aliyun.get(0))).kind());
    assertEquals(Kind.CALLBACK_TASK, CallOutcomeClassifier.classify(List.of(aliyun.get(1))).kind());

    List<CallEvent> huawei = new HuaweiCallReleaseFormat().parse(Payloads.read("voice/huawei-release.json"), T0);
    assertEquals(Kind.ANSWERED, CallOutcomeClassifier.classify(huawei).kind());
    CallEvent unanswered = new HuaweiCallReleaseFormat()
        .parse("{\"callSerialNo\":\"9\",\"called\":\"13800138000\",\"caller\":\"88880050\",\"releaseReason\":\"5\"}", T0).get(0);
    assertEquals(Kind.NO_ACTION, CallOutcomeClassifier.classify(List.of(unanswered)).kind(), "a failed callback, not a new task");
  }
}
