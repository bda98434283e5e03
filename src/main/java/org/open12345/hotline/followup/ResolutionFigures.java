package org.open12345.hotline.followup;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The 解决率 (resolution rate) from follow-ups: tickets the citizen confirmed solved at the
 * follow-up ÷ tickets whose citizen was reached at one, each ticket counted once by its latest
 * such answer in the period. Unreachable citizens are outside the rate and counted apart.
 *
 * @param from inclusive, null = from the start
 * @param to exclusive, null = until now
 * @param departmentId null = every department
 */
public record ResolutionFigures(Instant from, Instant to, String departmentId, long reached, long solved,
    long unreachable) {

  public static final String DEFINITION = "解决率 = 回访中诉求人确认已解决的工单数 ÷ 回访中联系到诉求人的工单数"
      + "（同一工单在期间内以最后一次联系到的回访结果计一次；多次未接通的不计入，单列）";

  /** Null when nobody was reached: no rate rather than 0 % or 100 %. */
  public Double rate() {
    return reached == 0 ? null : (double) solved / reached;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("from", from == null ? null : from.toString())
        .put("to", to == null ? null : to.toString())
        .put("department_id", departmentId)
        .put("reached", reached)
        .put("solved", solved)
        .put("not_solved", reached - solved)
        .put("unreachable", unreachable)
        .put("resolution_rate", rate())
        .put("definition", DEFINITION);
  }
}
