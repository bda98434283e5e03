package org.open12345.hotline.evaluation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OptOutReplyTest {

  @ParameterizedTest
  @ValueSource(strings = {"退订", "TD", "td", "T", "t", " T ", "ＴＤ", "退订。", "【退订】", "退订短信", "退订评价短信", "T D"})
  void theCarriersWordsOptOut(String text) {
    assertTrue(OptOutReply.isOptOut(text), text);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"退订了还在发", "TDD", "1", "满意", "不要再发了", "TEST", "退", "订"})
  void otherTextDoesNot(String text) {
    assertFalse(OptOutReply.isOptOut(text), text);
  }
}
