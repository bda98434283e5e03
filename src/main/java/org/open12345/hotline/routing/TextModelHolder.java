package org.open12345.hotline.routing;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The statistical text model in force on this instance, swapped whole like the rule set. A model
 * that fails to load or train leaves the previous one in force; {@link #problem()} says why until a
 * good one replaces it.
 */
public final class TextModelHolder {
  private final AtomicReference<TextModel> current = new AtomicReference<>(TextModel.NONE);
  private volatile String problem;

  public TextModel current() {
    return current.get();
  }

  void replace(TextModel next) {
    current.set(next);
    problem = null;
  }

  void failed(String why) {
    problem = why;
  }

  /** Why the last load or training failed, null when it did not. */
  public String problem() {
    return problem;
  }
}
