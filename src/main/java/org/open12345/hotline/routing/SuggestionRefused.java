package org.open12345.hotline.routing;

import org.open12345.hotline.problem.Problem;

/** An accept the queue refuses: the ticket has no such suggestion, or it names no department. */
public final class SuggestionRefused extends Problem {
  private SuggestionRefused(String code, String message) {
    super(Kind.CONFLICT, code, message, null);
  }

  static SuggestionRefused none(String number, int rank) {
    return new SuggestionRefused("no_such_suggestion", "ticket " + number + " has no suggestion " + rank);
  }

  static SuggestionRefused notQueued(String number, String status) {
    return new SuggestionRefused("not_queued", "ticket " + number + " is not waiting for dispatch (" + status + ")");
  }

  static SuggestionRefused noDepartment(String number, int rank) {
    return new SuggestionRefused("suggestion_without_department",
        "suggestion " + rank + " of ticket " + number + " names no department; dispatch it by hand");
  }
}
