package org.open12345.hotline.intake.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.open12345.hotline.evaluation.RatingPrompt;
import org.open12345.hotline.followup.FollowUpRepository.OpenQuestion;
import org.open12345.hotline.intake.sms.SmsReading.Lookups;
import org.open12345.hotline.intake.sms.SmsReading.Route;

class SmsReadingTest {
  static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
  static final String LONG_REQUEST = "我家楼下的垃圾桶已经三天没有人清理了，气味很大，夏天还招苍蝇，请尽快安排环卫工人来处理一下，谢谢";
  /** More than 40 characters, yet a clear follow-up answer: the punctuation is noise to that parser. */
  static final String LONG_ANSWER = "1" + "。".repeat(45);

  static Optional<RatingPrompt> prompt(Duration ago, Duration validFor) {
    Instant sent = NOW.minus(ago);
    return Optional.of(new RatingPrompt(7, 70, "13800000000", sent, sent.plus(validFor), 1));
  }

  static Optional<OpenQuestion> question(Duration ago) {
    return Optional.of(new OpenQuestion(9, 90, "20261130000090", NOW.minus(ago)));
  }

  /** None, open or expired, each sent before or after the question. */
  static List<Optional<RatingPrompt>> prompts() {
    List<Optional<RatingPrompt>> all = new ArrayList<>();
    all.add(Optional.empty());
    for (Duration ago : List.of(Duration.ofMinutes(30), Duration.ofDays(3))) {
      all.add(prompt(ago, Duration.ofDays(7)));
      all.add(prompt(ago, Duration.ofHours(1)));
    }
    return all;
  }

  static List<Optional<OpenQuestion>> questions() {
    return List.of(Optional.empty(), question(Duration.ofHours(2)), question(Duration.ofDays(5)));
  }

  static List<String> texts() {
    return List.of("1", "2", "５", "满意", "非常不满意", "很满意", "不太满意", "5分", "谢谢", "好", "TD", "", "2 路灯",
        "楼道灯坏了", "1号楼的路灯又坏了", "小区门口的路灯坏了三天了", "已解决", "2 还没解决", "1已解决，谢谢", "问题没有解决",
        LONG_REQUEST, LONG_ANSWER, "满意" + LONG_REQUEST, "压测短信 b1796119849-c32-4567：楼道灯坏了");
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      1                  | BOTH
      满意                | BOTH
      不太满意             | BOTH
      楼道灯坏了            | BOTH
      1号楼的路灯又坏了      | QUESTION_FIRST
      小区门口的路灯坏了三天了 | QUESTION_FIRST
      """)
  void aRatingOrAShortTextNeedsBothAndARequestTheQuestionFirst(String text, Lookups expected) {
    assertEquals(expected, SmsReading.of(text).lookups());
  }

  @Test
  void aTextTooLongForAnyReplyNeedsNoLookupUnlessItStillAnswersTheFollowUp() {
    assertEquals(Lookups.NONE, SmsReading.of(LONG_REQUEST).lookups());
    assertEquals(Lookups.NONE, SmsReading.of("满意" + LONG_REQUEST).lookups());
    assertEquals(Lookups.QUESTION_FIRST, SmsReading.of(LONG_ANSWER).lookups());
  }

  /** The records a text's lookups leave unread never change what it becomes. */
  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @MethodSource("texts")
  void whatTheLookupsSkipCannotChangeTheRoute(String text) {
    SmsReading reading = SmsReading.of(text);
    for (Optional<RatingPrompt> p : prompts()) {
      for (Optional<OpenQuestion> q : questions()) {
        Route full = reading.route(p, q, NOW);
        Route seen = switch (reading.lookups()) {
          case NONE -> reading.route(Optional.empty(), Optional.empty(), NOW);
          case QUESTION_FIRST -> q.isEmpty() ? reading.route(Optional.empty(), q, NOW) : full;
          case BOTH -> full;
        };
        assertEquals(full, seen, "prompt " + p + ", question " + q);
      }
    }
  }

  @Test
  void theNewestQuestionDecides() {
    Optional<OpenQuestion> asked = question(Duration.ofHours(2));
    Optional<RatingPrompt> older = prompt(Duration.ofDays(3), Duration.ofDays(7));
    Optional<RatingPrompt> newer = prompt(Duration.ofMinutes(30), Duration.ofDays(7));
    assertEquals(Route.FOLLOW_UP, SmsReading.of("1").route(older, asked, NOW));
    assertEquals(Route.RATING, SmsReading.of("1").route(newer, asked, NOW));
    assertEquals(Route.FOLLOW_UP_UNPARSED, SmsReading.of("小区门口的路灯坏了三天了").route(older, asked, NOW));
    assertEquals(Route.TICKET, SmsReading.of("小区门口的路灯坏了三天了").route(newer, asked, NOW));
    assertEquals(Route.TICKET, SmsReading.of(LONG_REQUEST).route(Optional.empty(), asked, NOW));
    assertEquals(Route.FOLLOW_UP, SmsReading.of(LONG_ANSWER).route(Optional.empty(), asked, NOW));
  }

  @Test
  void aPromptDecidesRatingsAndUnclearRepliesNotRequests() {
    Optional<RatingPrompt> open = prompt(Duration.ofMinutes(30), Duration.ofDays(7));
    Optional<RatingPrompt> expired = prompt(Duration.ofDays(3), Duration.ofHours(1));
    Optional<OpenQuestion> none = Optional.empty();
    assertEquals(Route.RATING, SmsReading.of("满意").route(open, none, NOW));
    assertEquals(Route.RATING_LATE, SmsReading.of("满意").route(expired, none, NOW));
    assertEquals(Route.RATING_UNPARSED, SmsReading.of("不太满意").route(open, none, NOW));
    assertEquals(Route.TICKET, SmsReading.of("不太满意").route(expired, none, NOW));
    assertEquals(Route.TICKET, SmsReading.of("1号楼的路灯又坏了").route(open, none, NOW));
    assertEquals(Route.TICKET, SmsReading.of("满意").route(Optional.empty(), none, NOW));
  }
}
