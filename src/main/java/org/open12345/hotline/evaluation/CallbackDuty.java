package org.open12345.hotline.evaluation;

/**
 * Whether a department makes the callbacks of its own 差评 rather than the centre: the rule
 * files' {@code rating_callback} key (routing's department directory answers, wired in app/).
 */
@FunctionalInterface
public interface CallbackDuty {

  /** @param departmentId the department the case is about; may be null (no department) */
  boolean departmentCalls(String departmentId);

  /** The default without rule files: the centre calls back. */
  static CallbackDuty centre() {
    return departmentId -> false;
  }
}
