package org.open12345.hotline.ops;

import java.util.List;

/**
 * Something an operator should know that does not make the server unready: a holiday year
 * counted provisionally, a rule change that was refused. {@code /ready} lists every note of every
 * source under {@code notes}; the status stays 200. Features implement it; ops never needs to know
 * which feature a note comes from.
 */
@FunctionalInterface
public interface ReadinessNotes {

  /** The notes as of now, in English, one sentence each; empty when all is well. Called per request. */
  List<String> notes();
}
