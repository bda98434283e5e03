package org.open12345.hotline.evaluation;

import org.open12345.hotline.problem.Problem;

/** A 差评 case or appeal action refused: who may not act (403), or the state does not allow it (409). */
public final class RatingCaseRefused extends Problem {

  private RatingCaseRefused(Kind kind, String code, String message) {
    super(kind, code, message, null);
  }

  public static RatingCaseRefused conflict(String code, String message) {
    return new RatingCaseRefused(Kind.CONFLICT, code, message);
  }

  public static RatingCaseRefused forbidden(String message) {
    return new RatingCaseRefused(Kind.FORBIDDEN, "forbidden_action", message);
  }
}
