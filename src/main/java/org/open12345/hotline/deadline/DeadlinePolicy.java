package org.open12345.hotline.deadline;

/**
 * How long a department has, as a routing policy states it (routing's {@code PolicySpec} maps its
 * YAML onto this): each deadline with its own warning points. A null {@code sign},
 * {@code respond} or {@code resolve} means the policy sets no such deadline; a null
 * {@code escalateAfter} means {@link #DEFAULT_ESCALATE_AFTER}.
 *
 * @param name the policy's id, stored with each ticket's deadlines
 * @param escalateAfter how long after a missed deadline the 通报 escalation follows the 督办
 */
public record DeadlinePolicy(
    String name,
    DeadlineTerm sign,
    DeadlineTerm respond,
    DeadlineTerm resolve,
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

  /**
   * A policy with one warning span for all its deadlines (the built-in defaults; tickets stored
   * before policies carried a warning list per deadline).
   *
   * @param warnBefore null = half time
   */
  public DeadlinePolicy(String name, TimeSpan sign, TimeSpan respond, TimeSpan resolve, TimeSpan warnBefore,
      TimeSpan escalateAfter) {
    this(name, term(sign, warnBefore), term(respond, warnBefore), term(resolve, warnBefore), escalateAfter);
  }

  private static DeadlineTerm term(TimeSpan within, TimeSpan warnBefore) {
    return within == null ? null : DeadlineTerm.of(within, warnBefore);
  }

  /** This policy's deadline of one kind, or null when it sets none (a policy never sets the ruling). */
  public DeadlineTerm termFor(DeadlineKind kind) {
    return switch (kind) {
      case SIGN -> sign;
      case RESPOND -> respond;
      case RESOLVE -> resolve;
      case RULING -> null;
      case CALLBACK, FIX -> null; // a rating case's, never a policy's
    };
  }

  /** The span this policy allows for one kind of deadline, or null when it sets none. */
  public TimeSpan spanFor(DeadlineKind kind) {
    DeadlineTerm t = termFor(kind);
    return t == null ? null : t.within();
  }
}
