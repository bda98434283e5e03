package org.open12345.hotline.deadline;

/**
 * How long a department has, as a routing policy states it (the routing rules map their YAML onto
 * this). A null {@code sign}, {@code respond} or {@code resolve} means the policy sets no such
 * deadline. A null {@code warnBefore} means "warn at half the allowed time"; a null
 * {@code escalateAfter} means {@link #DEFAULT_ESCALATE_AFTER}.
 *
 * @param warnBefore how long before each deadline the 催办 reminder goes out
 * @param escalateAfter how long after a missed deadline the 通报 escalation follows the 督办
 */
public record DeadlinePolicy(
    String name,
    TimeSpan sign,
    TimeSpan respond,
    TimeSpan resolve,
    TimeSpan warnBefore,
    TimeSpan escalateAfter) {

  public static final TimeSpan DEFAULT_ESCALATE_AFTER = new TimeSpan(24, TimeSpan.Unit.HOURS);

  public DeadlinePolicy {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a deadline policy needs a name");
    }
    if (escalateAfter == null) {
      escalateAfter = DEFAULT_ESCALATE_AFTER;
    }
  }

  /** The span this policy allows for one kind of deadline, or null when it sets none. */
  public TimeSpan spanFor(DeadlineKind kind) {
    return switch (kind) {
      case SIGN -> sign;
      case RESPOND -> respond;
      case RESOLVE -> resolve;
    };
  }

}
