package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.open12345.hotline.returns.ReturnReasons;

/** Codes in a ticket's events become Chinese words; a code nobody named yet stays as it is. */
class TimelineLabelsTest {
  final TimelineLabels labels = new TimelineLabels(() -> ReturnReasons.DEFAULT,
      id -> id.equals("ordinary") ? "一般诉求" : id);

  @Test
  void actionsOfTheTicketAndOfTheOtherFeatures() {
    assertEquals("派单", labels.action("DISPATCH"));
    assertEquals("差评件办结", labels.action("RATING_CASE_CLOSED"));
    assertEquals("设定办理时限", labels.action("DEADLINES_SET"));
    assertEquals("申请延期", labels.action("EXTENSION_REQUESTED"));
    assertEquals("协办答复", labels.action("CO_ANSWER"));
    assertEquals("SOMETHING_NEW", labels.action("SOMETHING_NEW"));
    assertEquals("", labels.action(null));
  }

  @Test
  void codedReasonsPoliciesAndChannels() {
    assertEquals("核实办结", labels.value("reason", "CONCLUDED"));
    assertEquals("申诉成立", labels.value("reason", "APPEAL_UPHELD"));
    assertEquals("改派", labels.value("reason", "redispatch"));
    assertEquals("属地不符", labels.value("reason", "wrong_area"));
    assertEquals("等待诉求人补充材料", labels.value("reason", "WAITING_FOR_CITIZEN"));
    assertEquals("一般诉求", labels.value("policy", "ordinary"));
    assertEquals("网站", labels.value("channel", "WEB"));
    assertEquals("<b>other</b>", labels.value("policy", "<b>other</b>"), "unknown: as is (the page escapes it)");
    assertEquals("供热公司说下周修好", labels.value("reason", "供热公司说下周修好"), "a person's own words");
    assertEquals("UNKNOWN_CODE", labels.value("reason", "UNKNOWN_CODE"));
    assertEquals("保持原样", labels.value("note", "保持原样"));
  }
}
