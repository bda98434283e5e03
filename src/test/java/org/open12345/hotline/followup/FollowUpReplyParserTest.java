package org.open12345.hotline.followup;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FollowUpReplyParserTest {

  @ParameterizedTest
  @ValueSource(strings = {"1", " 1 ", "１", "1。", "已解决", "解决了", "已经解决了，谢谢", "问题已解决", "修好了",
      "1已解决", "1 解决了", "都办好了"})
  void solved(String text) {
    assertEquals(Optional.of(FollowUpResult.SOLVED), FollowUpReplyParser.parse(text), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2", "２", "2！", "未解决", "没解决", "没有解决", "还没解决呢", "问题还没有解决", "2 未解决",
      "没有处理", "还没修好"})
  void notSolved(String text) {
    assertEquals(Optional.of(FollowUpResult.NOT_SOLVED), FollowUpReplyParser.parse(text), text);
  }

  /** Contradictions, vague words, other digits and new complaints are left for a person. */
  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "3", "12", "1未解决", "2已解决", "好", "满意", "不满意", "嗯",
      "解决了一半，还有问题没有解决", "楼下的路灯又坏了，晚上一片漆黑，请尽快派人来修理一下吧谢谢", "解决不好"})
  void unclear(String text) {
    assertEquals(Optional.empty(), FollowUpReplyParser.parse(text), text);
  }

  @org.junit.jupiter.api.Test
  void nullIsNoAnswer() {
    assertEquals(Optional.empty(), FollowUpReplyParser.parse(null));
  }
}
