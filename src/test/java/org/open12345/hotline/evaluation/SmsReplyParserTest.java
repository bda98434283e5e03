package org.open12345.hotline.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.open12345.hotline.evaluation.ParsedReply.Confidence;
import org.open12345.hotline.evaluation.ParsedReply.Reason;

class SmsReplyParserTest {

  @ParameterizedTest(name = "[{index}] \"{0}\" -> {1} ({2})")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1                | VERY_SATISFIED    | HIGH
          2                | SATISFIED         | HIGH
          3                | BASIC             | HIGH
          4                | DISSATISFIED      | HIGH
          5                | VERY_DISSATISFIED | HIGH
          １               | VERY_SATISFIED    | HIGH
          ２               | SATISFIED         | HIGH
          ５               | VERY_DISSATISFIED | HIGH
          ③                | BASIC             | HIGH
          ' 4 '            | DISSATISFIED      | HIGH
          4。              | DISSATISFIED      | HIGH
          一               | VERY_SATISFIED    | HIGH
          二               | SATISFIED         | HIGH
          三               | BASIC             | HIGH
          四               | DISSATISFIED      | HIGH
          五               | VERY_DISSATISFIED | HIGH
          伍               | VERY_DISSATISFIED | HIGH
          非常满意         | VERY_SATISFIED    | HIGH
          满意             | SATISFIED         | HIGH
          基本满意         | BASIC             | HIGH
          不满意           | DISSATISFIED      | HIGH
          非常不满意       | VERY_DISSATISFIED | HIGH
          非常 不满意      | VERY_DISSATISFIED | HIGH
          满意！           | SATISFIED         | HIGH
          1非常满意        | VERY_SATISFIED    | HIGH
          4 不满意         | DISSATISFIED      | HIGH
          2 谢谢           | SATISFIED         | MEDIUM
          满意，处理很快   | SATISFIED         | MEDIUM
          【回复】3        | BASIC             | MEDIUM
          回复5            | VERY_DISSATISFIED | MEDIUM
          很满意           | VERY_SATISFIED    | MEDIUM
          十分满意         | VERY_SATISFIED    | MEDIUM
          很不满意         | VERY_DISSATISFIED | MEDIUM
          我非常满意，谢谢 | VERY_SATISFIED    | MEDIUM
          对处理结果不满意，路灯还是不亮 | DISSATISFIED | MEDIUM
          并不满意         | DISSATISFIED      | MEDIUM
          满意 满意        | SATISFIED         | HIGH
          工单20240512007 2 | SATISFIED        | MEDIUM
          2 ｛谢谢｝       | SATISFIED         | MEDIUM
          满意，谢谢       | SATISFIED         | MEDIUM
          我选2            | SATISFIED         | MEDIUM
          4吧              | DISSATISFIED      | MEDIUM
          不满意，5楼还在漏水 | DISSATISFIED   | MEDIUM
          3号楼的事很满意  | VERY_SATISFIED    | MEDIUM
          """)
  void readsRatings(String text, RatingLevel level, Confidence confidence) {
    ParsedReply reply = SmsReplyParser.parse(text);
    ParsedReply.Rating rating = assertInstanceOf(ParsedReply.Rating.class, reply, text);
    assertEquals(level, rating.level(), text);
    assertEquals(confidence, rating.confidence(), text);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          12               | AMBIGUOUS_NUMBER
          123              | AMBIGUOUS_NUMBER
          10:30            | AMBIGUOUS_NUMBER
          5分              | AMBIGUOUS_NUMBER
          5 分             | AMBIGUOUS_NUMBER
          给5星            | AMBIGUOUS_NUMBER
          6                | OUT_OF_RANGE
          0                | OUT_OF_RANGE
          ９               | OUT_OF_RANGE
          1 或 2           | CONFLICTING
          1/2              | CONFLICTING
          2.5              | CONFLICTING
          满意 但 不满意   | CONFLICTING
          1 满意           | CONFLICTING
          1非常满意 2满意 3基本满意 4不满意 5非常不满意 | CONFLICTING
          不太满意         | HEDGED
          不是很满意       | HEDGED
          不怎么满意       | HEDGED
          比较满意         | HEDGED
          还算满意         | HEDGED
          挺满意的         | HEDGED
          有点不满意       | HEDGED
          基本不满意       | HEDGED
          满不满意         | HEDGED
          没有不满意       | HEDGED
          不非常满意       | HEDGED
          谢谢             | NO_RATING
          TD               | NO_RATING
          一 二            | NO_RATING
          一般             | NO_RATING
          好的一           | NO_RATING
          。。。           | NO_RATING
          3号              | NO_RATING
          第2次了          | NO_RATING
          好的谢谢         | NO_RATING
          路灯不亮         | NO_RATING
          2 路灯           | BARE_DIGIT
          我觉得3吧还行    | BARE_DIGIT
          2，垃圾还是没人收 | BARE_DIGIT
          1号楼的路灯又坏了 | REQUEST
          5楼卫生间漏水    | REQUEST
          12号楼漏水       | REQUEST
          3号楼2单元停水   | REQUEST
          小区门口垃圾没人清理 | REQUEST
          """)
  void refusesToGuess(String text, Reason reason) {
    ParsedReply reply = SmsReplyParser.parse(text);
    ParsedReply.Unparsed unparsed = assertInstanceOf(ParsedReply.Unparsed.class, reply, text);
    assertEquals(reason, unparsed.reason(), text + ": " + unparsed.detail());
    assertFalse(reply.isRating());
    assertTrue(reply.rating().isEmpty());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t\n", "\u3000"})
  void emptyIsUnparsed(String text) {
    assertEquals(
        Reason.EMPTY,
        assertInstanceOf(ParsedReply.Unparsed.class, SmsReplyParser.parse(text)).reason());
  }

  @Test
  void longComplaintIsNotARating() {
    String complaint = "我家楼下的路灯已经坏了两个星期了，晚上出门非常不方便，老人孩子都容易摔倒，你们处理得我很不满意，请尽快派人来修理";
    ParsedReply reply = SmsReplyParser.parse(complaint);
    assertEquals(Reason.TOO_LONG, assertInstanceOf(ParsedReply.Unparsed.class, reply).reason());
  }

  @Test
  void exactlyAtTheLengthLimitIsStillRead() {
    String text = "3" + "谢".repeat(SmsReplyParser.MAX_CHARS - 1);
    assertEquals(RatingLevel.BASIC, SmsReplyParser.parse(text).rating().orElseThrow());
    assertFalse(SmsReplyParser.parse(text + "谢").isRating());
  }

  @Test
  void aRequestIsARequestAndARatingIsNot() {
    assertTrue(SmsReplyParser.parse("1号楼的路灯又坏了").isRequest());
    assertTrue(SmsReplyParser.parse("我家楼下的路灯已经坏了两个星期了，晚上出门非常不方便，老人孩子都容易摔倒，请尽快派人来修理一下").isRequest());
    assertFalse(SmsReplyParser.parse("满意，谢谢").isRequest());
    assertFalse(SmsReplyParser.parse("2 路灯").isRequest(), "a lone digit among words is settled by a person");
    assertFalse(SmsReplyParser.parse("谢谢").isRequest());
  }

  @Test
  void requestsStartAtSixCharactersOrFourWithAPlaceNumber() {
    assertEquals(Reason.REQUEST, ((ParsedReply.Unparsed) SmsReplyParser.parse("小区路灯坏掉")).reason());
    assertEquals(Reason.NO_RATING, ((ParsedReply.Unparsed) SmsReplyParser.parse("小区路灯坏")).reason());
    assertEquals(Reason.REQUEST, ((ParsedReply.Unparsed) SmsReplyParser.parse("3号楼漏")).reason());
    assertEquals(Reason.NO_RATING, ((ParsedReply.Unparsed) SmsReplyParser.parse("3号楼")).reason());
    assertEquals(RatingLevel.SATISFIED, SmsReplyParser.parse("工单2024 2").rating().orElseThrow(),
        "a four-digit run is a number, not an answer");
  }

  @Test
  void whatWasReadIsInTheOrderOfTheTextAndConflictsNameEachReading() {
    assertEquals("2满意", assertInstanceOf(ParsedReply.Rating.class, SmsReplyParser.parse("2满意")).matched());
    var u = assertInstanceOf(ParsedReply.Unparsed.class, SmsReplyParser.parse("1 或 2"));
    assertEquals("more than one rating: 1=非常满意, 2=满意", u.detail());
  }

  @Test
  void aBareDigitNamesTheLevelItWouldBe() {
    var u = assertInstanceOf(ParsedReply.Unparsed.class, SmsReplyParser.parse("2 路灯"));
    assertTrue(u.detail().contains("满意"), u.detail());
  }

  @Test
  void matchedTextShowsWhatWasRead() {
    var rating = assertInstanceOf(ParsedReply.Rating.class, SmsReplyParser.parse("【回复】非常不满意!!"));
    assertEquals("非常不满意", rating.matched());
    assertTrue(rating.level().isBad());
  }
}
