package org.open12345.hotline.console;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.open12345.hotline.deadline.PauseReason;
import org.open12345.hotline.returns.ReturnReasons;
import org.open12345.hotline.ticket.Channel;
import org.open12345.hotline.ticket.TicketAction;

/**
 * The one place where the codes a ticket's events carry become the words staff read: the event's
 * action ({@code RATING_CASE_CLOSED}), and the coded values of its details (a reason such as
 * {@code CONCLUDED} or {@code wrong_area}, a deadline policy id, a channel). A code nobody has
 * named yet is shown as it is (the page escapes it like every other value), so a new event is
 * readable, if not in Chinese, rather than hidden.
 */
final class TimelineLabels {
  /** Events the server writes besides the ticket actions ({@link TicketAction}). */
  private static final Map<String, String> EVENTS = Map.ofEntries(
      Map.entry("ROUTE", "自动分派"), Map.entry("CLOCK_PAUSED", "暂停计时"), Map.entry("CLOCK_RESUMED", "恢复计时"),
      Map.entry("REVEAL_CONTACT", "查看联系方式"), Map.entry("DEADLINES_SET", "设定办理时限"),
      Map.entry("DEADLINES_RECOMPUTED", "重新计算时限"), Map.entry("DEADLINES_UNAVAILABLE", "时限无法计算"),
      Map.entry("EXTENSION_REQUESTED", "申请延期"), Map.entry("EXTENSION_APPROVED", "同意延期"),
      Map.entry("EXTENSION_REFUSED", "不同意延期"), Map.entry("PAUSE_REQUESTED", "申请暂停计时"),
      Map.entry("PAUSE_REFUSED", "不同意暂停计时"), Map.entry("FOLLOW_UP", "回访"),
      Map.entry("FOLLOW_UP_ASKED", "发起回访"), Map.entry("MASTER_REPLIED", "主工单已答复"),
      Map.entry("MERGED_IN", "并入工单"), Map.entry("UNMERGED_OUT", "移出并案"), Map.entry("BAD_RATING", "不满意评价"),
      Map.entry("RATING_APPEALED", "评价申诉"), Map.entry("RATING_APPEAL_REJECTED", "申诉驳回"),
      Map.entry("RATING_EXCLUDED", "评价不计入考核"), Map.entry("RATING_CASE_OPENED", "差评立件"),
      Map.entry("RATING_CASE_JOINED", "差评并入"), Map.entry("RATING_CASE_CALLBACK", "差评回访核实"),
      Map.entry("RATING_CASE_FIXED", "差评整改"), Map.entry("RATING_CASE_EXPLAINED", "差评解释说明"),
      Map.entry("RATING_CASE_CLOSED", "差评件办结"), Map.entry("CO_ASSIGNED", "指定协办单位"),
      Map.entry("CO_NOTE", "协办意见"), Map.entry("CO_ANSWER", "协办答复"), Map.entry("CO_CLOSED", "协办结束"));

  /** Reasons written as codes (the free-text reasons of people pass through unchanged). */
  private static final Map<String, String> REASONS = Map.ofEntries(
      Map.entry("CONCLUDED", "核实办结"), Map.entry("APPEAL_UPHELD", "申诉成立"), Map.entry("dispatch", "派单"),
      Map.entry("redispatch", "改派"), Map.entry("return", "退单后重新派单"),
      Map.entry("official_calendar", "节假日安排更新"));

  private final Supplier<ReturnReasons> returnReasons;
  private final java.util.function.UnaryOperator<String> policyName;

  /**
   * @param returnReasons the return reasons in force (their ids appear in return events)
   * @param policyName a deadline policy's name by its id, the id itself when unknown
   */
  TimelineLabels(Supplier<ReturnReasons> returnReasons, java.util.function.UnaryOperator<String> policyName) {
    this.returnReasons = returnReasons;
    this.policyName = policyName;
  }

  /** An event's action in words. */
  String action(String code) {
    if (code == null) {
      return "";
    }
    TicketAction a = TicketAction.parse(code);
    return a != null ? a.label() : EVENTS.getOrDefault(code, code);
  }

  /** A detail's value in words: reasons, deadline policies and channels by their names. */
  String value(String key, String value) {
    if (value == null) {
      return "";
    }
    return switch (key) {
      case "reason" -> reason(value);
      case "policy" -> policyName.apply(value);
      case "channel" -> channel(value);
      default -> value;
    };
  }

  private String reason(String code) {
    String known = REASONS.get(code);
    if (known != null) {
      return known;
    }
    try {
      return PauseReason.valueOf(code).label();
    } catch (IllegalArgumentException notAPause) {
      // a return reason's id, or a person's own words
    }
    ReturnReasons returns = returnReasons.get();
    if (returns != null && code.equals(code.toLowerCase(Locale.ROOT))) {
      return returns.find(code).map(r -> r.name()).orElse(code);
    }
    return code;
  }

  private static String channel(String code) {
    try {
      return Channel.valueOf(code).label();
    } catch (IllegalArgumentException e) {
      return code;
    }
  }
}
