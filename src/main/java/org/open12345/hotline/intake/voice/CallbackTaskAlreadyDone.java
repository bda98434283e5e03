package org.open12345.hotline.intake.voice;

import org.open12345.hotline.problem.Problem;

/** A callback task can be marked done once; the first operator's note stays. */
public final class CallbackTaskAlreadyDone extends Problem {
  public CallbackTaskAlreadyDone(long id) {
    super(Kind.CONFLICT, "already_done", "callback task " + id + " is already done", null);
  }
}
