package org.open12345.hotline.intake.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.open12345.hotline.intake.PayloadException;
import org.open12345.hotline.intake.Payloads;

class CallEventFormatsTest {
  private static final Instant ARRIVED = Instant.parse("2024-05-01T01:00:00Z");
  private final GenericCtiFormat generic = new GenericCtiFormat();

  private CallEvent one(CallEventFormat format, String payload) throws PayloadException {
    List<CallEvent> events = format.parse(Payloads.read(payload), ARRIVED);
    assertEquals(1, events.size());
    return events.get(0);
  }

  @Test
  void zammadNewCallAnswerHangup() throws PayloadException {
    CallEvent newCall = one(generic, "voice/generic-cti-newcall.json");
    assertEquals(CallEventType.NEW_CALL, newCall.event());
    assertEquals("307fa962-de8d-4ffc-817b-7f6993204159", newCall.callId());
    assertEquals("493023125741", newCall.from());
    assertEquals("492214710334", newCall.to());
    assertEquals(CallDirection.IN, newCall.direction());
    assertEquals("Emma Taylor", newCall.agent());
    assertEquals(ARRIVED, newCall.at());
    assertNull(newCall.answeredAt());

    CallEvent answer = one(generic, "voice/generic-cti-answer.json");
    assertEquals(CallEventType.ANSWER, answer.event());
    assertEquals("emma@chrispresso.com", answer.agent(), "answeringNumber names the operator");
    assertEquals(ARRIVED, answer.answeredAt());

    CallEvent hangup = one(generic, "voice/generic-cti-hangup.json");
    assertEquals(CallEventType.HANGUP, hangup.event());
    assertEquals("normalClearing", hangup.cause());
    assertNotEquals(newCall.eventKey(), hangup.eventKey());
  }

  @Test
  void zammadFormVariantWithSeveralUsers() throws PayloadException {
    CallEvent hangup = one(generic, "voice/generic-cti-hangup.form");
    assertEquals(CallEventType.HANGUP, hangup.event());
    assertEquals("cancel", hangup.cause());
    assertEquals("Christopher Miller, Emma Taylor", hangup.agent());
    assertEquals("2d77882f-68df-40f0-8c62-b642589c00bc", hangup.callId());
  }

  @Test
  void extensionsForVoicemailAndRating() throws PayloadException {
    CallEvent vm = one(generic, "voice/generic-cti-voicemail.json");
    assertEquals("13800138000", vm.from());
    assertEquals("12345", vm.to());
    assertTrue(vm.transcript().startsWith("我是幸福小区"));
    assertEquals("https://pbx.example.org/rec/vm-20240501-0001.wav", vm.recordingUrl());
    assertEquals(Instant.parse("2024-05-01T15:10:00Z"), vm.at());

    CallEvent rating = one(generic, "voice/generic-cti-rating.json");
    assertEquals(CallEventType.REPORT, rating.event());
    assertEquals("2", rating.keypadDigits());
    assertEquals(CallDirection.UNKNOWN, rating.direction());
    assertNull(rating.from());
  }

  @Test
  void reportKeysDifferByContentButRetriesMatch() throws PayloadException {
    String body = Payloads.read("voice/generic-cti-rating.json");
    CallEvent a = generic.parse(body, ARRIVED).get(0);
    CallEvent retry = generic.parse(body, ARRIVED.plusSeconds(30)).get(0);
    CallEvent other = generic.parse(body.replace("\"2\"", "\"5\""), ARRIVED).get(0);
    assertEquals(a.eventKey(), retry.eventKey());
    assertNotEquals(a.eventKey(), other.eventKey());
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"from":"1","to":"2","direction":"in","callId":"c1"}                      | event
          {"event":"ring","from":"1","to":"2","direction":"in","callId":"c1"}       | event
          {"event":"newCall","from":"1","to":"2","direction":"in"}                  | callId
          {"event":"newCall","to":"2","direction":"in","callId":"c1"}               | from
          {"event":"newCall","from":"1","to":"2","direction":"sideways","callId":"c1"} | direction
          {"event":"hangup","from":"1","to":"2","direction":"in","callId":"c1","at":"yesterday"} | at
          {"event":"newCall","from":{"n":1},"to":"2","direction":"in","callId":"c1"} | from
          event=newCall&from=1&to=2&direction=in                                    | callId
          """)
  void genericMalformed(String body, String field) {
    PayloadException e = assertThrows(PayloadException.class, () -> generic.parse(body, ARRIVED));
    assertEquals(field, e.field(), e.getMessage());
  }

  @Test
  void aliyunVoiceReport() throws PayloadException {
    List<CallEvent> events =
        new AliyunVoiceReportFormat(Set.of("12345"))
            .parse(Payloads.read("voice/aliyun-voicereport.json"), ARRIVED);
    assertEquals(2, events.size());
    CallEvent answered = events.get(0);
    assertEquals(CallEventType.REPORT, answered.event());
    assertEquals("116012354148^10281378****", answered.callId());
    assertEquals("13900001111", answered.from());
    assertEquals(CallDirection.IN, answered.direction(), "callee is our own number");
    assertEquals(Instant.parse("2023-03-15T06:46:15Z"), answered.answeredAt());
    assertEquals(Instant.parse("2023-03-15T06:46:25Z"), answered.at());
    assertEquals("normalClearing", answered.cause());

    CallEvent missed = events.get(1);
    assertNull(missed.answeredAt());
    assertEquals("aliyun:200005", missed.cause());
    assertEquals(Instant.parse("2023-03-15T06:50:01Z"), missed.at(), "no end_time: originate_time");
  }

  @Test
  void aliyunDirectionUnknownWithoutOwnNumbers() throws PayloadException {
    CallEvent e =
        new AliyunVoiceReportFormat(Set.of()).parse(Payloads.read("voice/aliyun-voicereport.json"), ARRIVED).get(0);
    assertEquals(CallDirection.UNKNOWN, e.direction());
  }

  @Test
  void aliyunMalformed() {
    var format = new AliyunVoiceReportFormat(Set.of());
    assertEquals("[0].call_id", assertThrows(PayloadException.class, () -> format.parse("[{\"caller\":\"1\"}]", ARRIVED)).field());
    assertEquals(
        "[0].start_time",
        assertThrows(PayloadException.class, () -> format.parse("[{\"call_id\":\"1\",\"start_time\":\"noon\"}]", ARRIVED)).field());
    assertNull(assertThrows(PayloadException.class, () -> format.parse("{\"call_id\":\"1\"}", ARRIVED)).field());
  }

  @Test
  void huaweiReleaseEvent() throws PayloadException {
    CallEvent e = one(new HuaweiCallReleaseFormat(), "voice/huawei-release.json");
    assertEquals("huawei", e.provider());
    assertEquals("1197765398201387012", e.callId());
    assertEquals(CallEventType.REPORT, e.event());
    assertEquals(CallDirection.OUT, e.direction());
    assertEquals("88880050", e.from());
    assertEquals("88880067", e.to());
    assertEquals("49999", e.agent());
    assertEquals("normalClearing", e.cause());
    assertEquals("Y:/0/20220222/49999/1004332.V3", e.recordingUrl());
    assertEquals(Instant.parse("2022-02-22T02:04:37.004Z"), e.answeredAt());
    assertEquals(Instant.parse("2022-02-22T02:05:31.120Z"), e.at());
  }

  @ParameterizedTest
  @CsvSource({"4,noAnswer", "5,noAnswer", "2,congestion", "3,congestion", "999,huawei:999"})
  void huaweiReleaseReasons(String code, String cause) throws PayloadException {
    String body = "{\"callSerialNo\":\"1\",\"called\":\"88880067\",\"releaseReason\":\"" + code + "\"}";
    CallEvent e = new HuaweiCallReleaseFormat().parse(body, ARRIVED).get(0);
    assertEquals(cause, e.cause());
    assertNull(e.answeredAt());
    assertEquals(ARRIVED, e.at());
  }

  @Test
  void huaweiMalformed() {
    var format = new HuaweiCallReleaseFormat();
    assertEquals("callSerialNo", assertThrows(PayloadException.class, () -> format.parse("{\"called\":\"1\"}", ARRIVED)).field());
    assertEquals("called", assertThrows(PayloadException.class, () -> format.parse("{\"callSerialNo\":\"1\"}", ARRIVED)).field());
    assertEquals(
        "releaseTime",
        assertThrows(PayloadException.class, () -> format.parse("{\"callSerialNo\":\"1\",\"called\":\"2\",\"releaseTime\":\"22/02/2022\"}", ARRIVED)).field());
  }

  @Test
  void acknowledgementsAndLookup() {
    CallEventFormats formats = new CallEventFormats(Set.of("12345"));
    assertEquals("{}", formats.byProvider("generic").orElseThrow().acknowledgement().body());
    assertEquals("{\"code\":0,\"msg\":\"接收成功\"}", formats.byProvider("aliyun").orElseThrow().acknowledgement().body());
    assertEquals("{\"retCode\":\"0\",\"retMsg\":\"success\"}", formats.byProvider("huawei").orElseThrow().acknowledgement().body());
    assertTrue(formats.byProvider("twilio").isEmpty());
  }
}
