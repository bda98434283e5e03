package org.open12345.hotline.stats;

import java.util.Optional;

/**
 * Every figure the centre publishes about departments: its id (JSON key), Chinese name and the
 * definition shown beside it (no national formula is published, so the definition travels with
 * the number). The SQL that counts each one is in {@link StatsRepository}; the README table
 * repeats these texts.
 */
public enum FigureDefinition {
  RESPONSE_RATE("response_rate", "响应率",
      "派单后在响应时限内签收并首次联系诉求人（答复视同已联系）的工单数 ÷ 响应结果已定的工单数。" + Texts.ROUNDS),
  RESOLUTION_RATE("resolution_rate", "解决率",
      "回访确认已解决的工单数 ÷ 已回访的工单数。部门答复后由中心回访诉求人：确认解决即办结，未解决即重办；"
          + "以最近一次回访结果为准，当前已办结的计为已解决，重办过且当前未办结的计为未解决。" + Texts.TICKETS),
  SATISFACTION_RATE("satisfaction_rate", "满意率",
      "评价为非常满意、满意、基本满意的次数 ÷ 全部有效评价次数。" + Texts.RATINGS),
  ON_TIME_SIGN_RATE("on_time_sign_rate", "按时签收率",
      "在签收时限内签收的工单数 ÷ 签收结果已定的工单数。" + Texts.ROUNDS),
  ON_TIME_RESOLVE_RATE("on_time_resolve_rate", "按时办结率",
      "在办结时限内（含批准的延期）答复的工单数 ÷ 办结结果已定的工单数。" + Texts.ROUNDS),
  DIRECT_ANSWER_RATE("direct_answer_rate", "直接办结率",
      "话务员当场答复办结（直接办结）的工单数 ÷ 受理的工单数，按受理时间计入统计期。"
          + "直接办结由中心完成，不按承办单位统计。"),
  RETURN_RATE("return_rate", "退单率",
      "本期派给该单位的派单中被该单位退回的次数 ÷ 本期派给该单位的派单次数。按派单时间计入统计期，"
          + "每次派单（含退回后重新派单）各计一次，退单计入其所在派单轮次的单位。"),
  REOPEN_RATE("reopen_rate", "重办率",
      "回访后被重办（发回承办单位重新办理）过的工单数 ÷ 已回访的工单数（已回访口径同解决率）。" + Texts.TICKETS),
  BAD_RATING_RATE("bad_rating_rate", "差评率",
      "评价为不满意、非常不满意（差评）的次数 ÷ 全部有效评价次数。" + Texts.RATINGS),
  BAD_RATING_CLOSED_IN_TIME_RATE("bad_rating_closed_in_time_rate", "差评按时办结率",
      "48 小时内完成核实回访、且 15 个自然日内整改完成（或对无依据的诉求作出解释说明）的差评核实整改件数 ÷ "
          + "应办结的件数（整改时限已到，或已整改、已解释、已办结）。同一工单未办结的核实整改期间再收到的差评并入同一件，"
          + "时限自首个差评起算；所含差评全部经申诉复核剔除而关闭的不计。按首个差评的时间计入统计期，归属被评工单的当前承办单位。");

  /** Shared sentences of the definitions (an enum cannot refer to its own static fields). */
  private static final class Texts {
    static final String TICKETS = "工单按受理时间计入统计期，归属当前承办单位（最近一次派单的单位）。";
    static final String ROUNDS = "按当前承办轮次（最近一次派单）的派单时间计入统计期，归属该次派单的承办单位。"
        + "时限以当时有效的时限为准（含批准的延期和暂停顺延）：已办理的看办理时间是否在时限内；未办理的到期才计入分母（计为超时），"
        + "时钟暂停时尚未到期的暂不计，工单被退回、并案或终止办理时尚未到期的不计。";
    static final String RATINGS = "有效评价指每次评价提示的首个评价（一事一评、一次一评），不含重复回复、逾期回复和经申诉复核剔除的评价；"
        + "按评价时间计入统计期，归属被评工单的当前承办单位。";
  }

  private final String id;
  private final String label;
  private final String definition;

  FigureDefinition(String id, String label, String definition) {
    this.id = id;
    this.label = label;
    this.definition = definition;
  }

  /** The JSON key and the SQL's name for the figure, e.g. {@code response_rate}. */
  public String id() {
    return id;
  }

  /** The Chinese name, e.g. 响应率. */
  public String label() {
    return label;
  }

  /** The definition shown with every value of the figure. */
  public String definition() {
    return definition;
  }

  /**
   * Why the figure has no value in a row, or empty when it has one. Direct answers are the
   * centre's own work, so they have no value in a row that counts departments' tickets.
   */
  public Optional<String> unavailableReason(boolean departmentRow) {
    if (this == DIRECT_ANSWER_RATE && departmentRow) {
      return Optional.of("直接办结由中心完成，不按承办单位统计");
    }
    return Optional.empty();
  }

  public static Optional<FigureDefinition> byId(String id) {
    for (FigureDefinition f : values()) {
      if (f.id.equals(id)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
