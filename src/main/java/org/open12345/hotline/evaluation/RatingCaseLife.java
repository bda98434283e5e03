package org.open12345.hotline.evaluation;

import java.util.EnumSet;
import java.util.Set;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.problem.InvalidField;

/**
 * The life of a 差评 follow-up case (seed article 34): every 差评 is verified by a callback, then
 * fixed (整改) or, when the claim has no basis, explained (解释说明), with feedback to the citizen;
 * a supervisor closes it. Who may act:
 *
 * <ul>
 *   <li>callback: the centre's staff (operators, dispatchers, supervisors), and the case's own
 *       department when the rule files give it the callbacks of its 差评;
 *   <li>fix: the case's own department;
 *   <li>explanation: the case's own department, or a dispatcher or supervisor;
 *   <li>close: a supervisor.
 * </ul>
 *
 * Plain Java: the service asks, in the transaction that holds the case's lock.
 */
public final class RatingCaseLife {
  private static final Set<Role> CENTRE_STAFF = EnumSet.of(Role.OPERATOR, Role.DISPATCHER, Role.SUPERVISOR);

  /**
   * A callback as recorded.
   *
   * @param reached whether the citizen was reached
   * @param attempts calls made
   * @param citizenAccount what the citizen said (required when reached)
   * @param founded whether the 差评 is founded: a fix follows; if not, an explanation
   */
  public record Callback(boolean reached, int attempts, String citizenAccount, boolean founded, String note) {}

  private RatingCaseLife() {}

  /**
   * The state after {@code action}.
   *
   * @param founded the callback's finding (read for CALLBACK only)
   * @throws RatingCaseRefused (409) when the case's state does not allow the action
   */
  public static RatingCaseStatus next(RatingCaseStatus from, RatingCaseAction action, boolean founded) {
    if (from == RatingCaseStatus.CLOSED) {
      throw RatingCaseRefused.conflict("case_closed", "该差评件已办结，不能再登记（the case is closed）");
    }
    return switch (action) {
      case CALLBACK -> {
        if (from != RatingCaseStatus.CALLBACK_DUE) {
          throw RatingCaseRefused.conflict("callback_recorded", "回访核实结果已登记（the callback is already recorded）");
        }
        yield founded ? RatingCaseStatus.FIX_DUE : RatingCaseStatus.EXPLANATION_DUE;
      }
      case FIX -> switch (from) {
        case FIX_DUE -> RatingCaseStatus.FIXED;
        case CALLBACK_DUE -> throw callbackFirst();
        case EXPLANATION_DUE -> throw RatingCaseRefused.conflict("explanation_due",
            "回访核实认定差评诉求无依据，应登记解释说明而非整改（the callback found no basis: explain instead）");
        default -> throw concluded(from);
      };
      case EXPLAIN -> switch (from) {
        case EXPLANATION_DUE -> RatingCaseStatus.EXPLAINED;
        case CALLBACK_DUE -> throw callbackFirst();
        case FIX_DUE -> throw RatingCaseRefused.conflict("fix_due",
            "回访核实认定差评属实，应登记整改（the callback found the 差评 founded: record the fix）");
        default -> throw concluded(from);
      };
      case CLOSE -> {
        if (from != RatingCaseStatus.FIXED && from != RatingCaseStatus.EXPLAINED) {
          throw RatingCaseRefused.conflict("not_concluded",
              "整改或解释说明登记后才能办结（close after the fix or the explanation; the case is " + from + "）");
        }
        yield RatingCaseStatus.CLOSED;
      }
    };
  }

  /**
   * Whether this actor may do {@code action} to a case of {@code caseDepartment}.
   *
   * @param actorDepartment the actor's department (DEPARTMENT role), else null
   * @throws RatingCaseRefused (403) when not
   */
  public static void mayAct(RatingCaseAction action, Role role, String actorDepartment, String caseDepartment,
      CallbackBy callbackBy) {
    boolean own = role == Role.DEPARTMENT && actorDepartment != null && actorDepartment.equals(caseDepartment);
    boolean allowed = switch (action) {
      case CALLBACK -> CENTRE_STAFF.contains(role) || (own && callbackBy == CallbackBy.DEPARTMENT);
      case FIX -> own;
      case EXPLAIN -> own || role == Role.DISPATCHER || role == Role.SUPERVISOR;
      case CLOSE -> role == Role.SUPERVISOR;
    };
    if (!allowed) {
      throw RatingCaseRefused.forbidden("role " + role + (role == Role.DEPARTMENT ? " of " + actorDepartment : "")
          + " may not record the " + action.name().toLowerCase() + " (" + action.label() + ") of this case");
    }
  }

  /**
   * Checks a callback before it is recorded: a reached citizen's account is required; a citizen not
   * reached needs {@code minAttempts} calls first (the case stays due until then).
   */
  public static void check(Callback c, int minAttempts) {
    if (c.attempts() < 1) {
      throw new InvalidField("attempts", "至少回访1次（at least 1）");
    }
    if (c.reached() && (c.citizenAccount() == null || c.citizenAccount().isBlank())) {
      throw new InvalidField("citizen_account", "联系上诉求人时须登记其反映情况（required when the citizen was reached）");
    }
    if (!c.reached() && c.attempts() < minAttempts) {
      throw new InvalidField("attempts", "未联系上诉求人时须至少回访" + minAttempts + "次（at least " + minAttempts
          + " attempts before recording the citizen as unreachable）");
    }
  }

  private static RatingCaseRefused callbackFirst() {
    return RatingCaseRefused.conflict("callback_first", "请先登记回访核实结果（record the callback first）");
  }

  private static RatingCaseRefused concluded(RatingCaseStatus from) {
    return RatingCaseRefused.conflict("already_concluded", "该差评件已" + from.label() + "（the case is " + from + "）");
  }
}
